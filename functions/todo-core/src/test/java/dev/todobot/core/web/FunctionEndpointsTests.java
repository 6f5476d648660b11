package dev.todobot.core.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.error.UnauthenticatedException;
import dev.todobot.core.user.AuthenticatedUser;
import dev.todobot.core.user.TokenService;
import dev.todobot.core.user.UserView;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FunctionEndpointsTests {

	private final TokenService tokens = new TokenService("0123456789abcdef0123456789abcdef", Duration.ofHours(1),
			Clock.systemUTC());

	private final FunctionEndpoints endpoints = new FunctionEndpoints(new JsonBodies(), this.tokens);

	private final String authorization = "Bearer " + this.tokens.issue(new UserView(7, "ada@example.com", "Ada"));

	@Test
	void theCallerComesFromTheBearerTokenAndTheAnswerIsJson() {
		FunctionEndpoint endpoint = this.endpoints.authenticated(Greeting.class,
				(caller, greeting) -> Mono.just(Map.of("to", caller.user().email(), "text", greeting.text())));
		Message<byte[]> answer = endpoint
			.apply(request("{\"text\":\"hello\"}", Map.of("Authorization", this.authorization)))
			.block();
		assertThat(new String(answer.getPayload(), StandardCharsets.UTF_8)).contains("\"to\":\"ada@example.com\"")
			.contains("\"text\":\"hello\"");
		assertThat(answer.getHeaders().get(MessageHeaders.CONTENT_TYPE)).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
		FunctionEndpoint.Answer described = endpoint
			.call(request("{\"text\":\"hello\"}", Map.of("Authorization", this.authorization)))
			.block();
		assertThat(described.caller())
			.isEqualTo(new Caller(new AuthenticatedUser(7, "ada@example.com"), this.authorization));
		assertThat(described.replayed()).isFalse();
	}

	@Test
	void aCallWithoutATokenIsRefusedBeforeItsBodyIsRead() {
		FunctionEndpoint endpoint = this.endpoints.authenticated(Greeting.class,
				(caller, greeting) -> Mono.just(greeting));
		assertThatExceptionOfType(UnauthenticatedException.class)
			.isThrownBy(() -> endpoint.apply(request("not json", Map.of())).block());
	}

	@Test
	void theBodyIsReadStrictly() {
		FunctionEndpoint endpoint = this.endpoints.open(Greeting.class, Mono::just);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> endpoint.apply(request("{\"text\":\"hi\",\"userId\":8}", Map.of())).block())
			.withMessageContaining("userId");
	}

	@Test
	void anOpenFunctionHasNoCaller() {
		FunctionEndpoint.Answer answer = this.endpoints.open(Greeting.class, Mono::just)
			.call(request("{\"text\":\"hi\"}", Map.of()))
			.block();
		assertThat(answer.caller()).isNull();
		assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"hi\"}");
	}

	@Test
	void aCallReadsHeadersWhateverTheCaseTheyArrivedIn() {
		FunctionEndpoint endpoint = this.endpoints.authenticated(Greeting.class,
				(caller, greeting, headers) -> Mono.just(Map.of("key", headers.get(IdempotencyKey.HEADER))));
		Message<byte[]> answer = endpoint
			.apply(request("{}", Map.of("authorization", this.authorization, "idempotency-key", "k-1")))
			.block();
		assertThat(new String(answer.getPayload(), StandardCharsets.UTF_8)).isEqualTo("{\"key\":\"k-1\"}");
	}

	@Test
	void aReplayedAnswerIsSentAsTheFirstOneAndMarkedReplayed() {
		FunctionEndpoint endpoint = this.endpoints.authenticated(Greeting.class,
				(caller, greeting) -> Mono.just(new FunctionEndpoint.Replayed(greeting)));
		FunctionEndpoint.Answer answer = endpoint
			.call(request("{\"text\":\"again\"}", Map.of("Authorization", this.authorization)))
			.block();
		assertThat(answer.replayed()).isTrue();
		assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"again\"}");
	}

	private static Message<byte[]> request(String body, Map<String, Object> headers) {
		return MessageBuilder.withPayload(body.getBytes(StandardCharsets.UTF_8)).copyHeaders(headers).build();
	}

	record Greeting(String text) {
	}

}
