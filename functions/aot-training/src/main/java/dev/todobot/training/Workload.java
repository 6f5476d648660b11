package dev.todobot.training;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.todobot.core.db.DatabaseSettings;
import dev.todobot.core.user.TokenService;
import dev.todobot.core.user.UserView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work a function does while its AOT cache is recorded: every route, its usual errors
 * and the health probes, in rounds, so that the cache holds the classes the first real
 * request needs, loaded and linked, with their method profiles.
 */
public final class Workload {

	/** The key every training process signs and checks tokens with. */
	public static final String JWT_SECRET = "aot-training-only-not-a-real-secret-0123456789";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final int port;

	private final String token;

	private final List<String> surprises = new ArrayList<>();

	private int requests;

	private HttpConnection connection;

	private Workload(int port, String token) {
		this.port = port;
		this.token = token;
	}

	/**
	 * Adds a user straight to the database and issues a token for it, as the todo
	 * function would after a sign-up.
	 * @param database the training database
	 * @return a bearer token
	 */
	public static String trainingUser(DatabaseSettings database) {
		String email = "training-" + UUID.randomUUID() + "@example.com";
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
				database.password());
				PreparedStatement insert = connection
					.prepareStatement("insert into users (email, name, password_hash) values (?, ?, ?) returning id")) {
			insert.setString(1, email);
			insert.setString(2, "Training");
			insert.setString(3, "not-a-password-hash");
			try (ResultSet result = insert.executeQuery()) {
				result.next();
				long id = result.getLong(1);
				return new TokenService(JWT_SECRET, Duration.ofHours(1), Clock.systemUTC())
					.issue(new UserView(id, email, "Training"));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot add the training user", ex);
		}
	}

	/**
	 * Runs the workload of a function.
	 * @param function todo, mcp, chat or reminders
	 * @param port where it listens
	 * @param token a valid bearer token
	 * @param rounds how often to repeat the workload
	 * @return what it saw
	 */
	public static Outcome run(String function, int port, String token, int rounds) throws IOException {
		Workload training = new Workload(port, token);
		try {
			for (int round = 0; round < rounds; round++) {
				switch (function) {
					case "todo" -> training.todo(round);
					case "mcp" -> training.mcp(round);
					case "chat" -> training.chat(round);
					case "reminders" -> training.reminders(round);
					default -> throw new IllegalArgumentException("unknown function " + function);
				}
				training.health();
			}
		}
		finally {
			if (training.connection != null) {
				training.connection.close();
			}
		}
		return new Outcome(training.requests, List.copyOf(training.surprises));
	}

	private void todo(int round) throws IOException {
		if (round < 3) {
			String email = "training-" + UUID.randomUUID() + "@example.com";
			String credentials = "\"email\":\"" + email + "\",\"password\":\"training-password\"";
			send(Request.post("signup", "/signup", "{" + credentials + ",\"name\":\"Training\"}", ""), 200);
			send(Request.post("login", "/login", "{" + credentials + "}", ""), 200);
			send(Request.post("login", "/login", "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}", ""),
					401);
		}
		JsonNode task = send(authorized(Request.post("addTask", "/addTask",
				"{\"title\":\"Buy milk\",\"description\":\"two litres\",\"dueDate\":\"2030-05-03\","
						+ "\"priority\":\"high\",\"tags\":[\"shop\",\"home\"]}",
				"")), 200);
		long id = task.get("id").asLong();
		send(authorized(Request.post("addTask", "/addTask", "{\"title\":\"Call mom\"}", "")), 200);
		send(authorized(Request.post("listTasks", "/listTasks", "{}", "")), 200);
		send(authorized(Request.post("listTasks", "/listTasks", "{\"status\":\"pending\",\"sort\":\"due\"}", "")), 200);
		JsonNode page = send(authorized(Request.post("listTasks", "/listTasks",
				"{\"priority\":\"high\",\"tag\":\"shop\",\"q\":\"milk\",\"sort\":\"priority\",\"limit\":1}", "")), 200);
		if (page != null && page.hasNonNull("nextCursor")) {
			send(authorized(Request.post("listTasks", "/listTasks",
					"{\"priority\":\"high\",\"tag\":\"shop\",\"q\":\"milk\",\"sort\":\"priority\",\"limit\":1,"
							+ "\"cursor\":\"" + page.get("nextCursor").asString() + "\"}",
					"")), 200);
		}
		send(authorized(Request.post("listTasks", "/listTasks", "{\"due\":\"week\",\"status\":\"completed\"}", "")),
				200);
		send(authorized(Request.get("listTasks", "/listTasks", "")), 200);
		send(authorized(Request.post("getTask", "/getTask", "{\"id\":" + id + "}", "")), 200);
		send(authorized(Request.post("updateTask", "/updateTask",
				"{\"id\":" + id + ",\"title\":\"Buy oat milk\",\"dueDate\":null,\"tags\":[\"shop\"]}", "")), 200);
		send(authorized(Request.post("completeTask", "/completeTask", "{\"id\":" + id + "}", "")), 200);
		send(authorized(Request.post("deleteTask", "/deleteTask", "{\"id\":" + id + "}", "")), 200);
		send(authorized(Request.post("getTask", "/getTask", "{\"id\":" + id + "}", "")), 404);
		send(authorized(Request.post("addTask", "/addTask", "{\"title\":\"\"}", "")), 400);
		send(authorized(Request.post("addTask", "/addTask", "{\"title\":", "")), 400);
		send(Request.post("listTasks", "/listTasks", "{}", ""), 401);
		send(authorized(Request.post("addTask", "/addTask", "{\"title\":\"Sent as a CloudEvent\"}", ""))
			.withHeader("ce-specversion", "1.0")
			.withHeader("ce-id", UUID.randomUUID().toString())
			.withHeader("ce-source", "/training")
			.withHeader("ce-type", "todo.task.add"), 200);
		send(authorized(Request.post("listTasks", "/listTasks",
				"{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/training\","
						+ "\"type\":\"todo.task.list\",\"datacontenttype\":\"application/json\",\"data\":{}}",
				""))
			.withHeader("Content-Type", "application/cloudevents+json"), 200);
	}

	private void mcp(int round) throws IOException {
		String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
				+ "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"training\",\"version\":\"1\"}}}";
		send(mcpCall(initialize), 200);
		send(mcpCall("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"), 202);
		send(mcpCall("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}"), 200);
		JsonNode added = send(mcpCall(tool(3, "add_task", "{\"title\":\"Buy milk\",\"description\":\"two litres\","
				+ "\"due_date\":\"2030-05-03\",\"priority\":\"high\",\"tags\":[\"shop\"]}")), 200);
		long id = (added == null) ? 0 : added.at("/result/structuredContent/id").asLong();
		send(mcpCall(tool(4, "list_tasks", "{}")), 200);
		send(mcpCall(tool(5, "list_tasks", "{\"status\":\"pending\",\"priority\":\"high\",\"tag\":\"shop\","
				+ "\"query\":\"milk\",\"due\":\"week\",\"limit\":5}")), 200);
		send(mcpCall(tool(6, "update_task", "{\"task_id\":" + id + ",\"title\":\"Buy oat milk\",\"due_date\":null}")),
				200);
		send(mcpCall(tool(7, "complete_task", "{\"task_id\":" + id + "}")), 200);
		send(mcpCall(tool(8, "delete_task", "{\"task_id\":" + id + "}")), 200);
		send(mcpCall(tool(9, "complete_task", "{\"task_id\":" + id + "}")), 200);
		send(mcpCall(tool(10, "add_task", "{\"title\":42}")), 200);
		send(mcpCall("{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"ping\"}"), 200);
		send(Request.post("mcp", "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"tools/list\"}", "")
			.withHeader("Accept", "application/json, text/event-stream"), 401);
		send(authorized(Request.get("mcp", "/mcp", "")).withHeader("Accept", "text/event-stream"), 405);
	}

	private void chat(int round) throws IOException {
		JsonNode turn = send(
				authorized(Request.post("chat", "/chat", "{\"message\":\"add buy milk tomorrow #shop\"}", "")), 200);
		String conversation = (turn == null) ? null : turn.get("conversationId").asString();
		String continued = (conversation == null) ? "" : ",\"conversationId\":\"" + conversation + "\"";
		for (String message : List.of("show my tasks", "what is still open?", "mark the milk done",
				"delete the milk task", "help")) {
			send(authorized(Request.post("chat", "/chat", "{\"message\":\"" + message + "\"" + continued + "}", "")),
					200);
		}
		send(authorized(Request.post("chat", "/chat", "{\"message\":\"add call mom on friday\"}", ""))
			.withHeader("Accept", "text/event-stream"), 200);
		send(authorized(Request.post("conversations", "/conversations", "{}", "")), 200);
		if (conversation != null) {
			send(authorized(Request.post("messages", "/messages", "{\"conversationId\":\"" + conversation + "\"}", "")),
					200);
		}
		send(authorized(Request.post("chat", "/chat", "{\"message\":\"\"}", "")), 400);
		send(Request.post("chat", "/chat", "{\"message\":\"show my tasks\"}", ""), 401);
	}

	/**
	 * The reminders function's events, as the Broker delivers them (binary mode) and in
	 * structured mode: ticks, completed tasks (of a task that does not exist: nothing to
	 * follow), dead letters and their listing, and the events it refuses.
	 */
	private void reminders(int round) throws IOException {
		send(event("/tick", "dev.knative.sources.ping", "{}"), 200);
		send(Request.post("tick", "/tick",
				"{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/training\","
						+ "\"type\":\"dev.knative.sources.ping\",\"datacontenttype\":\"application/json\",\"data\":{}}",
				"")
			.withHeader("Content-Type", "application/cloudevents+json"), 200);
		send(event("/taskCompleted", "todo.task.completed", "{\"id\":" + (1_000_000 + round) + ",\"title\":\"x\"}"),
				200);
		send(event("/deadLetter", "todo.task.completed", "{\"id\":1}")
			.withHeader("ce-knativeerrordest", "http://reminders/taskCompleted")
			.withHeader("ce-knativeerrorcode", "500"), 200);
		send(Request.get("deadLetters", "/deadLetters", ""), 200);
		send(event("/tick", "todo.task.completed", "{}"), 400);
		send(Request.post("tick", "/tick", "{}", ""), 400);
	}

	private static Request event(String path, String type, String data) {
		return Request.post(path.substring(1), path, data, "")
			.withHeader("ce-specversion", "1.0")
			.withHeader("ce-id", UUID.randomUUID().toString())
			.withHeader("ce-source", "/training")
			.withHeader("ce-type", type);
	}

	private void health() throws IOException {
		send(Request.get("readiness", "/actuator/health/readiness", ""), 200);
		send(Request.get("liveness", "/actuator/health/liveness", ""), 200);
	}

	private Request authorized(Request request) {
		return request.withBearer(this.token);
	}

	private Request mcpCall(String body) {
		return authorized(Request.post("mcp", "/mcp", body, ""))
			.withHeader("Accept", "application/json, text/event-stream")
			.withHeader("MCP-Protocol-Version", "2025-06-18");
	}

	/**
	 * What a workload saw.
	 *
	 * @param requests requests sent
	 * @param surprises requests answered with another status than expected, described
	 */
	public record Outcome(int requests, List<String> surprises) {

	}

	private static String tool(int id, String name, String arguments) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + name
				+ "\",\"arguments\":" + arguments + "}}";
	}

	/**
	 * Sends a request and reads a JSON answer.
	 * @return the answer when it is JSON with the expected status, else {@code null}
	 */
	private JsonNode send(Request request, int expected) throws IOException {
		if (this.connection == null) {
			this.connection = HttpConnection.open(this.port, TIMEOUT);
		}
		HttpResponse response;
		this.requests++;
		try {
			response = this.connection.exchange(request.encode(this.port));
		}
		catch (IOException ex) {
			this.connection.close();
			this.connection = null;
			throw ex;
		}
		if (!this.connection.reusable()) {
			this.connection.close();
			this.connection = null;
		}
		if (response.status() != expected) {
			this.surprises.add(request.method() + " " + request.path() + " " + request.body() + " answered "
					+ response.status() + " instead of " + expected + ": " + response.text());
			return null;
		}
		if (response.body().length == 0 || (response.body()[0] != '{' && response.body()[0] != '[')) {
			return null;
		}
		return JSON.readTree(response.body());
	}

}
