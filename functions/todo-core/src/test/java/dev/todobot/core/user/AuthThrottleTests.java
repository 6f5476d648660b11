package dev.todobot.core.user;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.todobot.core.error.OverloadedException;
import dev.todobot.core.error.TooManyAttemptsException;
import dev.todobot.core.error.UnauthenticatedException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the throttle lets through to the password check, counted by the attempts it
 * starts. The limits do not refill while a test runs.
 */
class AuthThrottleTests {

	private static final Duration HOUR = Duration.ofHours(1);

	private final AuthThrottle throttle = new AuthThrottle(
			new AuthThrottle.Limits(new AuthThrottle.Limit(1, HOUR), new AuthThrottle.Limit(3, HOUR), 100));

	private final AtomicInteger started = new AtomicInteger();

	@Test
	void aRefusedSignInNeverStartsThePasswordCheck() {
		signIn("203.0.113.1", Mono.error(new UnauthenticatedException("Wrong e-mail or password")));
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> signIn("203.0.113.2", Mono.just("session")))
			.satisfies((refused) -> assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(HOUR));
		assertThat(this.started).hasValue(1);
	}

	@Test
	void aRefusedSignUpNeverStartsTheHashing() {
		for (int i = 0; i < 3; i++) {
			this.throttle.signUp("203.0.113.3", this::attempt).block();
		}
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> this.throttle.signUp("203.0.113.3", this::attempt).block());
		assertThat(this.started).hasValue(3);
	}

	@Test
	void aSignInTheServerCouldNotCheckIsNoFailure() {
		signIn("203.0.113.4", Mono.error(new OverloadedException("busy", Duration.ofSeconds(1), null)));
		assertThat(signIn("203.0.113.5", Mono.just("session"))).isEqualTo("session");
	}

	private String signIn(String address, Mono<String> outcome) {
		try {
			return this.throttle.signIn("ada@example.com", address, () -> {
				this.started.incrementAndGet();
				return outcome;
			}).block();
		}
		catch (UnauthenticatedException | OverloadedException expected) {
			return null;
		}
	}

	private Mono<String> attempt() {
		this.started.incrementAndGet();
		return Mono.just("session");
	}

}
