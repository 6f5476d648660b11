package dev.todobot.core.user;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.todobot.core.error.OverloadedException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashingTests {

	@Test
	void refusesWorkBeyondItsThreadsAndItsQueue() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (PasswordHashing hashing = new PasswordHashing(new HeldEncoder(release), 1, 1)) {
			var running = hashing.hash("first").toFuture();
			var waiting = hashing.hash("second").toFuture();
			assertThatThrownBy(() -> hashing.hash("third").block()).isInstanceOf(OverloadedException.class)
				.satisfies((ex) -> assertThat(((OverloadedException) ex).retryAfter()).isPositive());
			release.countDown();
			assertThat(running.get()).isEqualTo("hash of first");
			assertThat(waiting.get()).isEqualTo("hash of second");
			assertThat(hashing.hash("fourth").block()).isEqualTo("hash of fourth");
		}
	}

	@Test
	void anOverloadedCheckOfAnUnknownAccountIsNotRememberedAsItsHash() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (PasswordHashing hashing = new PasswordHashing(new HeldEncoder(release), 1, 1)) {
			var running = hashing.hash("first").toFuture();
			var waiting = hashing.hash("second").toFuture();
			assertThatThrownBy(() -> hashing.matchesNoAccount("guess").block()).isInstanceOf(OverloadedException.class);
			release.countDown();
			running.get();
			waiting.get();
			assertThat(hashing.matchesNoAccount("guess").blockOptional(Duration.ofSeconds(30))).isEmpty();
		}
	}

	/**
	 * An encoder whose every call waits until the test lets it go, so that the pool stays
	 * busy for as long as the test needs.
	 */
	private record HeldEncoder(CountDownLatch release) implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			await();
			return "hash of " + rawPassword;
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			await();
			return encodedPassword.equals("hash of " + rawPassword);
		}

		private void await() {
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
