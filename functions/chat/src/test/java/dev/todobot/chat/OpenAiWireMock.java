package dev.todobot.chat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An OpenAI-compatible chat completions server that answers a scripted conversation, one
 * answer per request, in order.
 */
final class OpenAiWireMock {

	static final WireMockServer server = start();

	private OpenAiWireMock() {
	}

	static String baseUrl() {
		return server.baseUrl() + "/v1";
	}

	/**
	 * Scripts the next answers, replacing any earlier script.
	 * @param answers chat completion bodies, see {@link #toolCall} and {@link #text}
	 */
	static void script(String... answers) {
		server.resetAll();
		for (int i = 0; i < answers.length; i++) {
			ScenarioMappingBuilder stub = WireMock.post("/v1/chat/completions")
				.inScenario("conversation")
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "answer " + i)
				.willReturn(WireMock.okJson(answers[i]));
			if (i + 1 < answers.length) {
				stub = stub.willSetStateTo("answer " + (i + 1));
			}
			server.stubFor(stub);
		}
	}

	static String toolCall(String id, String tool, String arguments) {
		return """
				{"id":"chatcmpl-%1$s","object":"chat.completion","created":1,"model":"test-model",
				 "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
				 "tool_calls":[{"id":"%1$s","type":"function","function":{"name":"%2$s","arguments":%3$s}}]}}],
				 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}
				""".formatted(id, tool, quote(arguments));
	}

	static String text(String content) {
		return """
				{"id":"chatcmpl-text","object":"chat.completion","created":1,"model":"test-model",
				 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":%s}}],
				 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}
				""".formatted(quote(content));
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static WireMockServer start() {
		WireMockServer wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		wireMock.start();
		Runtime.getRuntime().addShutdownHook(new Thread(wireMock::stop));
		return wireMock;
	}

}
