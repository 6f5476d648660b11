package dev.todobot.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curl examples of the README work as printed: their bodies, read from the README,
 * are sent in order as one user.
 */
class ReadmeExamplesTests extends McpHttpTestSupport {

	private static final Pattern MCP_CURL_BODY = Pattern.compile("curl -s localhost:8082/mcp [^`]*?-d '(\\{[^']*})'",
			Pattern.DOTALL);

	@Test
	@SuppressWarnings("unchecked")
	void everyCurlExampleIsAnsweredWithoutError() throws IOException {
		List<String> bodies = readmeBodies();
		assertThat(bodies).hasSize(4);
		String token = signUp().token();
		for (String body : bodies) {
			Map<String, Object> answer = post(token, body).expectStatus()
				.isOk()
				.expectBody(JSON_OBJECT)
				.returnResult()
				.getResponseBody();
			assertThat(answer).as(body).doesNotContainKey("error").containsKey("result");
			assertThat((Map<String, Object>) answer.get("result")).as(body).doesNotContainEntry("isError", true);
		}
	}

	@Test
	void examplesCoverInitializeListAndCall() throws IOException {
		assertThat(readmeBodies()).anySatisfy((body) -> assertThat(body).contains("\"method\":\"initialize\""))
			.anySatisfy((body) -> assertThat(body).contains("\"method\":\"tools/list\""))
			.anySatisfy((body) -> assertThat(body).contains("\"method\":\"tools/call\""));
	}

	private static List<String> readmeBodies() throws IOException {
		Matcher bodies = MCP_CURL_BODY.matcher(Files.readString(Path.of("README.md")));
		return bodies.results().map((match) -> match.group(1)).toList();
	}

}
