package dev.todobot.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.todobot.core.db.DatabaseSettings;
import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline assistant against a corpus of everyday sentences
 * ({@code offline/everyday-sentences.yaml}): each case starts a fresh user on the same
 * task list, runs through the real chat function, mcp function and PostgreSQL, and is
 * judged by the tool calls of its last turn and by the tasks it leaves behind. The test
 * reports the share that passes, with every failing sentence, and fails below
 * {@value #REQUIRED_SHARE}.
 */
class OfflineCorpusTests extends ChatTestSupport {

	private static final double REQUIRED_SHARE = 0.95;

	private static final Pattern SEED_ID = Pattern.compile("\\{([^}]+)}");

	private static final String[] PRIORITIES = { null, "low", "medium", "high" };

	/**
	 * One connection for the whole corpus rather than one per statement.
	 */
	private Connection db;

	@Test
	void understandsAtLeast95PercentOfEverydaySentences() throws IOException, SQLException {
		Map<String, Object> corpus = corpus();
		List<Map<String, Object>> seed = list(corpus.get("tasks"));
		List<Map<String, Object>> tuned = list(corpus.get("cases"));
		List<Map<String, Object>> heldOut = list(corpus.get("heldOut"));
		List<Map<String, Object>> cases = new ArrayList<>(tuned);
		cases.addAll(heldOut);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<String> failures = new ArrayList<>();
		int heldOutFailures = 0;
		this.db = connect();
		for (Map<String, Object> testCase : cases) {
			String problem;
			try {
				problem = run(testCase, seed, today);
			}
			catch (RuntimeException | AssertionError ex) {
				problem = "failed: " + ex + " at " + ex.getStackTrace()[0];
			}
			if (problem != null) {
				failures.add(testCase.get("say") + "\n    " + problem);
				heldOutFailures += heldOut.contains(testCase) ? 1 : 0;
			}
		}
		this.db.close();
		int passed = cases.size() - failures.size();
		double share = (double) passed / cases.size();
		String report = String.format(Locale.ROOT,
				"Offline corpus: %d of %d sentences pass (%.1f%%); of the %d held out, %d pass%n", passed, cases.size(),
				share * 100, heldOut.size(), heldOut.size() - heldOutFailures) + String.join("\n", failures) + "\n";
		System.out.println(report);
		Files.writeString(Path.of("target", "offline-corpus-report.txt"), report);
		assertThat(share).as(report).isGreaterThanOrEqualTo(REQUIRED_SHARE);
	}

	/**
	 * Runs one case.
	 * @return what went wrong, or {@code null} when it passed
	 */
	private String run(Map<String, Object> testCase, List<Map<String, Object>> seed, LocalDate today) {
		TestUser user = newUser();
		Map<String, Long> ids = new LinkedHashMap<>();
		for (Map<String, Object> task : seed) {
			ids.put((String) task.get("title"), insert(user, task, today));
		}
		Object say = testCase.get("say");
		List<String> messages = (say instanceof List<?> several) ? several.stream().map(String::valueOf).toList()
				: List.of(String.valueOf(say));
		Map<?, ?> turn = null;
		for (String message : messages) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("message", withIds(message, ids));
			if (turn != null) {
				body.put("conversationId", turn.get("conversationId"));
			}
			turn = chatOk(user, body);
		}
		Objects.requireNonNull(turn);
		String reply = (String) turn.get("reply");
		List<String> tools = tools(turn);
		List<String> problems = new ArrayList<>();
		if (testCase.containsKey("tools") && !tools.equals(testCase.get("tools"))) {
			problems.add("tools " + tools + ", expected " + testCase.get("tools"));
		}
		for (String words : strings(testCase.get("reply"))) {
			if (!reply.toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT))) {
				problems.add("reply lacks “" + words + "”");
			}
		}
		for (String words : strings(testCase.get("replyLacks"))) {
			if (reply.toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT))) {
				problems.add("reply has “" + words + "”");
			}
		}
		List<Row> expected = expectedTasks(testCase, seed, ids, today);
		List<Row> actual = tasks(user);
		if (!actual.equals(expected)) {
			List<Row> missing = new ArrayList<>(expected);
			missing.removeAll(actual);
			List<Row> unexpected = new ArrayList<>(actual);
			unexpected.removeAll(expected);
			problems.add("tasks: expected " + missing + " but found " + unexpected);
		}
		return problems.isEmpty() ? null : String.join("; ", problems) + "\n    reply: " + reply.replace("\n", " / ");
	}

	private static List<String> tools(Map<?, ?> turn) {
		List<String> names = ((List<?>) turn.get("toolCalls")).stream()
			.map((call) -> (String) ((Map<?, ?>) call).get("name"))
			.toList();
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			boolean lookup = names.get(i).equals("list_tasks") && i < names.size() - 1;
			if (!lookup) {
				kept.add(names.get(i));
			}
		}
		return kept;
	}

	private static List<Row> expectedTasks(Map<String, Object> testCase, List<Map<String, Object>> seed,
			Map<String, Long> ids, LocalDate today) {
		List<String> completed = strings(testCase.get("completed"));
		List<String> reopened = strings(testCase.get("reopened"));
		List<String> deleted = strings(testCase.get("deleted"));
		Map<?, ?> changed = (testCase.get("changed") instanceof Map<?, ?> map) ? map : Map.of();
		List<Row> rows = new ArrayList<>();
		for (Map<String, Object> task : seed) {
			String title = (String) task.get("title");
			if (deleted.contains(title)) {
				continue;
			}
			Row row = Row.of(task, today);
			if (completed.contains(title)) {
				row = row.withCompleted(true);
			}
			if (reopened.contains(title)) {
				row = row.withCompleted(false);
			}
			if (changed.get(title) instanceof Map<?, ?> fields) {
				row = row.with(fields, today);
			}
			rows.add(row);
		}
		for (Map<String, Object> added : list(testCase.get("added"))) {
			Map<String, Object> task = new LinkedHashMap<>(added);
			task.putIfAbsent("priority", "medium");
			rows.add(Row.of(task, today));
		}
		return rows;
	}

	private long insert(TestUser user, Map<String, Object> task, LocalDate today) {
		Row row = Row.of(task, today);
		Connection connection = this.db;
		try (PreparedStatement insert = connection.prepareStatement("insert into tasks (user_id, title, completed,"
				+ " completed_at, due_date, priority, tags) values (?, ?, ?, case when ? then now() end, ?, ?, ?)"
				+ " returning id")) {
			insert.setLong(1, user.id());
			insert.setString(2, row.title());
			insert.setBoolean(3, row.completed());
			insert.setBoolean(4, row.completed());
			insert.setObject(5, row.due());
			insert.setShort(6, (short) Arrays.asList(PRIORITIES).indexOf(row.priority()));
			insert.setArray(7, connection.createArrayOf("text", row.tags().toArray()));
			try (ResultSet result = insert.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Row> tasks(TestUser user) {
		try (PreparedStatement select = this.db.prepareStatement("select title, description, completed,"
				+ " due_date, priority, tags from tasks where user_id = ? order by id")) {
			select.setLong(1, user.id());
			List<Row> rows = new ArrayList<>();
			try (ResultSet result = select.executeQuery()) {
				while (result.next()) {
					Array tags = result.getArray("tags");
					rows.add(
							new Row(result.getString("title").toLowerCase(Locale.ROOT), result.getString("description"),
									result.getBoolean("completed"), result.getObject("due_date", LocalDate.class),
									PRIORITIES[result.getShort("priority")], List.of((String[]) tags.getArray())));
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Connection connect() throws SQLException {
		DatabaseSettings db = EmbeddedDatabase.settings();
		return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database(),
				db.user(), db.password());
	}

	private static String withIds(String message, Map<String, Long> ids) {
		Matcher seedId = SEED_ID.matcher(message);
		StringBuilder text = new StringBuilder();
		while (seedId.find()) {
			seedId.appendReplacement(text, String.valueOf(ids.get(seedId.group(1))));
		}
		seedId.appendTail(text);
		return text.toString();
	}

	/**
	 * Reads the corpus's date words (see the file's header) against today.
	 */
	static LocalDate date(String text, LocalDate today) {
		String word = text.toLowerCase(Locale.ROOT);
		if (word.matches("\\+?\\d+")) {
			// YAML reads +5 as the number 5
			return today.plusDays(Long.parseLong(word.replace("+", "")));
		}
		if (word.startsWith("dom:")) {
			int day = Integer.parseInt(word.substring(4));
			LocalDate date = today.withDayOfMonth(day);
			return date.isBefore(today) ? today.plusMonths(1).withDayOfMonth(day) : date;
		}
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().equalsIgnoreCase(word)) {
				return today.with(TemporalAdjusters.next(day));
			}
		}
		return switch (word) {
			case "today" -> today;
			case "tomorrow" -> today.plusDays(1);
			case "nextweek" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
			case "nextmonth" -> today.plusMonths(1).withDayOfMonth(1);
			case "weekend" -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
			case "endofweek" -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
			case "endofmonth" -> today.with(TemporalAdjusters.lastDayOfMonth());
			default -> LocalDate.parse(word);
		};
	}

	private static Map<String, Object> corpus() throws IOException {
		try (InputStream in = OfflineCorpusTests.class.getResourceAsStream("/offline/everyday-sentences.yaml")) {
			if (in == null) {
				throw new UncheckedIOException(new IOException("offline/everyday-sentences.yaml is missing"));
			}
			return new Yaml().load(in);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (value instanceof List<?> items) ? (List<Map<String, Object>>) items : List.of();
	}

	private static List<String> strings(Object value) {
		return (value instanceof List<?> items) ? items.stream().map(String::valueOf).toList() : List.of();
	}

	/**
	 * A task as the test compares it; titles ignoring case.
	 */
	record Row(String title, String description, boolean completed, LocalDate due, String priority, List<String> tags) {

		static Row of(Map<String, Object> task, LocalDate today) {
			Object due = task.get("due");
			return new Row(String.valueOf(task.get("title")).toLowerCase(Locale.ROOT), (String) task.get("description"),
					Boolean.TRUE.equals(task.get("completed")), (due != null) ? date(String.valueOf(due), today) : null,
					(String) task.getOrDefault("priority", "medium"), strings(task.get("tags")));
		}

		Row withCompleted(boolean done) {
			return new Row(this.title, this.description, done, this.due, this.priority, this.tags);
		}

		Row with(Map<?, ?> fields, LocalDate today) {
			String title = fields.containsKey("title") ? String.valueOf(fields.get("title")).toLowerCase(Locale.ROOT)
					: this.title;
			String description = fields.containsKey("description") ? (String) fields.get("description")
					: this.description;
			LocalDate due = this.due;
			if (fields.containsKey("due")) {
				String when = String.valueOf(fields.get("due"));
				due = when.equals("none") ? null : date(when, today);
			}
			String priority = fields.containsKey("priority") ? (String) fields.get("priority") : this.priority;
			List<String> tags = fields.containsKey("tags") ? strings(fields.get("tags")) : this.tags;
			return new Row(title, description, this.completed, due, priority, tags);
		}

	}

}
