package dev.todobot.todo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.testing.HostileInput;
import dev.todobot.core.testing.HostileInput.Case;
import dev.todobot.core.testing.HostileInput.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every todo function against the hostile corpus: each case is a 400 problem naming the
 * field, never a 5xx, and no row of anyone changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests extends TodoHttpTestSupport {

	/** Stands in for the id of the caller's own task, which the cases are made before. */
	private static final String OWN_TASK = "OWN_TASK";

	private String token;

	private long taskId;

	@BeforeAll
	void signUpWithOneTask() {
		this.token = signUp();
		this.taskId = addTask(this.token, Map.of("title", "Existing", "tags", List.of("kept")));
	}

	static Stream<Case> corpus() {
		Map<String, Kind> task = fields("title", Kind.TEXT, "description", Kind.TEXT, "dueDate", Kind.DATE, "priority",
				Kind.NAME, "tags", Kind.TEXT_LIST);
		task.putAll(fields("dueTime", Kind.TIME, "remindAt", Kind.INSTANT, "remindBeforeMinutes", Kind.WHOLE_NUMBER,
				"recurrence", Kind.TEXT));
		Map<String, Kind> update = fields("id", Kind.WHOLE_NUMBER, "completed", Kind.BOOLEAN);
		update.putAll(task);
		return Stream.of(HostileInput.cases("addTask", Map.of("title", "\"ok\""), task),
				HostileInput.cases("listTasks", Map.of(),
						fields("status", Kind.NAME, "priority", Kind.NAME, "tag", Kind.TEXT, "q", Kind.TEXT, "due",
								Kind.NAME, "sort", Kind.NAME, "limit", Kind.WHOLE_NUMBER, "cursor", Kind.TEXT)),
				HostileInput.cases("getTask", Map.of("id", OWN_TASK), fields("id", Kind.WHOLE_NUMBER)),
				HostileInput.cases("completeTask", Map.of("id", OWN_TASK), fields("id", Kind.WHOLE_NUMBER)),
				HostileInput.cases("deleteTask", Map.of("id", OWN_TASK), fields("id", Kind.WHOLE_NUMBER)),
				HostileInput.cases("updateTask", valid("id", OWN_TASK, "title", "\"changed\""), update),
				HostileInput.cases("updateProfile", Map.of("name", "\"Ada\""),
						fields("name", Kind.TEXT, "timeZone", Kind.TEXT)))
			.flatMap((cases) -> cases);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void hostileValueIsABadRequestNamingTheFieldAndChangesNothing(Case hostile) {
		String body = hostile.body().replace(OWN_TASK, Long.toString(this.taskId));
		Rows before = Rows.now(this.taskId);
		EntityExchangeResult<String> answer = http().post()
			.uri("/" + hostile.function())
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		HostileInput.assertRefused(answer, body, hostile.field());
		assertThat(Rows.now(this.taskId)).isEqualTo(before);
	}

	@Test
	void hostileTitleInAStructuredCloudEventIsABadRequestNamingTheField() {
		Rows before = Rows.now(this.taskId);
		http().post()
			.uri("/addTask")
			.header(HttpHeaders.CONTENT_TYPE, "application/cloudevents+json")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue("""
					{"specversion":"1.0","id":"1","source":"/test","type":"todo.task.add",
					"datacontenttype":"application/json","data":{"title":"buy\\u0000milk"}}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("title");
		assertThat(Rows.now(this.taskId)).isEqualTo(before);
	}

	@Test
	void badTagFilterNamesTheTagField() {
		call("listTasks", this.token, Map.of("tag", "two words")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("tag");
	}

	private static Map<String, Kind> fields(Object... pairs) {
		Map<String, Kind> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put((String) pairs[i], (Kind) pairs[i + 1]);
		}
		return fields;
	}

	private static Map<String, String> valid(String... pairs) {
		Map<String, String> body = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put(pairs[i], pairs[i + 1]);
		}
		return body;
	}

	/**
	 * What a refused request must leave as it was: everyone's rows, and the caller's own
	 * task untouched since it was made.
	 */
	private record Rows(List<Long> counts) {

		static Rows now(long taskId) {
			return new Rows(EmbeddedDatabase.counts("select (select count(*) from users), (select count(*) from tasks),"
					+ " (select count(*) from tasks where id = " + taskId + " and title = 'Existing'"
					+ " and tags = '{kept}' and not completed and due_date is null and updated_at = created_at)"));
		}

	}

}
