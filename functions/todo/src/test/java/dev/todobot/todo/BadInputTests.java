package dev.todobot.todo;

import java.util.stream.Stream;

import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class BadInputTests extends TodoHttpTestSupport {

	private String token;

	private long taskId;

	@BeforeEach
	void signUpWithOneTask() {
		this.token = signUp();
		this.taskId = addTask(this.token, java.util.Map.of("title", "Existing"));
	}

	static Stream<Arguments> badBodies() {
		String longText = "x".repeat(4001);
		return Stream.of(Arguments.of("signup", "{\"email\":\"not-an-email\",\"password\":\"correct horse\"}", "email"),
				Arguments.of("signup", "{\"email\":\"" + "a".repeat(250) + "@x.io\",\"password\":\"correct horse\"}",
						"email"),
				Arguments.of("signup", "{\"email\":\"new@example.com\",\"password\":\"short\"}", "password"),
				Arguments.of("signup",
						"{\"email\":\"new@example.com\",\"password\":\"correct horse\",\"timeZone\":\"Mars/Olympus\"}",
						"timeZone"),
				Arguments.of("signup", "{\"email\":\"new@example.com\",\"password\":\"" + "p".repeat(129) + "\"}",
						"password"),
				Arguments.of("signup", "{\"password\":\"correct horse\"}", "email"),
				Arguments.of("addTask", "{\"title\":\"\"}", "title"),
				Arguments.of("addTask", "{\"title\":\"   \"}", "title"),
				Arguments.of("addTask", "{\"title\":\"" + "t".repeat(201) + "\"}", "title"),
				Arguments.of("addTask", "{\"title\":\"ok\",\"description\":\"" + longText + "\"}", "description"),
				Arguments.of("addTask", "{\"title\":\"ok\",\"dueDate\":\"tomorrow\"}", "dueDate"),
				Arguments.of("addTask", "{\"title\":\"ok\",\"dueDate\":\"2030-02-30\"}", "dueDate"),
				Arguments.of("addTask", "{\"title\":\"ok\",\"priority\":\"urgent\"}", "priority"),
				Arguments.of("addTask",
						"{\"title\":\"ok\",\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}",
						"tags"),
				Arguments.of("addTask", "{\"title\":\"ok\",\"tags\":[\"two words\"]}", "tags"),
				Arguments.of("addTask", "{\"title\":5}", "title"),
				Arguments.of("addTask", "{\"title\":\"ok\",\"tags\":\"work\"}", "tags"),
				Arguments.of("addTask", "{\"titel\":\"typo\"}", "titel"),
				Arguments.of("addTask", "{\"title\":", "body"), Arguments.of("addTask", "[\"title\"]", "body"),
				Arguments.of("listTasks", "{\"status\":\"someday\"}", "status"),
				Arguments.of("listTasks", "{\"due\":\"soon\"}", "due"),
				Arguments.of("listTasks", "{\"sort\":\"name\"}", "sort"),
				Arguments.of("listTasks", "{\"limit\":0}", "limit"),
				Arguments.of("listTasks", "{\"limit\":101}", "limit"),
				Arguments.of("listTasks", "{\"limit\":\"5\"}", "limit"),
				Arguments.of("listTasks", "{\"cursor\":\"forged.cursor\"}", "cursor"),
				Arguments.of("updateTask", "{\"title\":\"no id\"}", "id"),
				Arguments.of("updateTask", "{\"id\":\"abc\",\"title\":\"x\"}", "id"),
				Arguments.of("updateTask", "{\"id\":1}", "body"),
				Arguments.of("updateTask", "{\"id\":1,\"completed\":\"yes\"}", "completed"),
				Arguments.of("deleteTask", "{}", "id"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("badBodies")
	void badBodyIsABadRequestNamingTheFieldAndChangesNothing(String function, String body, String field) {
		long tasksBefore = tasks();
		long usersBefore = EmbeddedDatabase.count("select count(*) from users");
		String problem = post(function, MediaType.APPLICATION_JSON_VALUE, body).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field)
			.jsonPath("$.detail")
			.isNotEmpty()
			.returnResult()
			.toString();
		assertThat(problem).doesNotContain("Exception", "\tat ");
		assertThat(tasks()).isEqualTo(tasksBefore);
		assertThat(EmbeddedDatabase.count("select count(*) from users")).isEqualTo(usersBefore);
	}

	@Test
	void updateWithABadFieldLeavesTheTaskAsItWas() {
		post("updateTask", MediaType.APPLICATION_JSON_VALUE,
				"{\"id\":" + this.taskId + ",\"title\":\"New\",\"priority\":\"urgent\"}")
			.expectStatus()
			.isBadRequest();
		call("getTask", this.token, java.util.Map.of("id", this.taskId)).expectBody()
			.jsonPath("$.title")
			.isEqualTo("Existing");
	}

	@Test
	void bodyOverSixtyFourKibibytesIsTooLarge() {
		long before = tasks();
		post("addTask", MediaType.APPLICATION_JSON_VALUE, "{\"title\":\"" + "x".repeat(70_000) + "\"}").expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tasks()).isEqualTo(before);
	}

	@Test
	void bodyThatIsNotJsonIsAnUnsupportedMediaType() {
		long before = tasks();
		post("addTask", MediaType.TEXT_PLAIN_VALUE, "title=milk").expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tasks()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/event-stream", "not a media type" })
	void aClientThatCannotTakeJsonIsNotAcceptableAndChangesNothing(String accept) {
		long before = tasks();
		http().post()
			.uri("/addTask")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, accept)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue("{\"title\":\"not for this client\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tasks()).isEqualTo(before);
	}

	@Test
	void aClientThatTakesEventStreamsOrJsonGetsJson() {
		http().post()
			.uri("/listTasks")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.items[0].title")
			.isEqualTo("Existing");
	}

	@Test
	void unknownRouteIsNotFoundAsAProblem() {
		post("addTodo", MediaType.APPLICATION_JSON_VALUE, "{}").expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String function,
			String contentType, String body) {
		return http().post()
			.uri("/" + function)
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(body)
			.exchange();
	}

}
