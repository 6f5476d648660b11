package dev.todobot.bench;

import java.util.List;

import dev.todobot.training.Request;

/**
 * The requests the benchmark sends, for the two users it signed up: the reader owns the
 * tasks every list reads; the writer receives the added tasks, so that the lists stay the
 * same size.
 *
 * @param reader the reader's bearer token
 * @param writer the writer's bearer token
 */
record Requests(String reader, String writer) {

	/**
	 * The same tool call an MCP client sends, without a session (the server is
	 * stateless).
	 */
	private static final String MCP_LIST_TASKS = """
			{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_tasks","arguments":{}}}""";

	Request listTasks() {
		return Request.post("listTasks", "/listTasks", "{}", "\"items\":[{").withBearer(this.reader);
	}

	Request addTask() {
		return Request
			.post("addTask", "/addTask",
					"{\"title\":\"Added by the benchmark\",\"priority\":\"high\",\"tags\":[\"bench\"]}", "\"id\":")
			.withBearer(this.writer);
	}

	Request mcpListTasks() {
		return Request.post("tools/call list_tasks", "/mcp", MCP_LIST_TASKS, "\"structuredContent\"")
			.withBearer(this.reader)
			.withHeader("Accept", "application/json, text/event-stream")
			.withHeader("MCP-Protocol-Version", "2025-06-18");
	}

	Request chat() {
		return Request.post("chat \"show my tasks\"", "/chat", "{\"message\":\"show my tasks\"}", "list_tasks")
			.withBearer(this.reader);
	}

	/**
	 * The request a cold start is timed to.
	 * @param function the function app
	 * @return its first database-backed request
	 */
	Request first(String function) {
		return switch (function) {
			case "todo" -> listTasks();
			case "mcp" -> mcpListTasks();
			case "chat" -> chat();
			default -> throw new IllegalArgumentException("unknown function " + function);
		};
	}

	String description(String function) {
		return switch (function) {
			case "todo" -> "authenticated `listTasks`";
			case "mcp" -> "`tools/call list_tasks`";
			case "chat" -> "offline chat \"show my tasks\" (via a running mcp)";
			default -> throw new IllegalArgumentException("unknown function " + function);
		};
	}

	/**
	 * Whether wrk measures a function's requests too. Not chat's: its turns take a fifth
	 * of a second each, so the built-in generator's own cost does not count there.
	 * @param function the function app
	 * @return whether wrk loads it
	 */
	static boolean measuredByWrk(String function) {
		return !function.equals("chat");
	}

	/**
	 * The requests whose throughput is measured.
	 * @param function the function app
	 * @return its requests
	 */
	List<Request> scenarios(String function) {
		return switch (function) {
			case "todo" -> List.of(listTasks(), addTask());
			case "mcp" -> List.of(mcpListTasks());
			case "chat" -> List.of(chat());
			default -> throw new IllegalArgumentException("unknown function " + function);
		};
	}

}
