package dev.todobot.core.user;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.todobot.core.db.Database;
import dev.todobot.core.db.PoolSettings;
import dev.todobot.core.db.ReactiveDatabase;
import dev.todobot.core.error.ConflictException;
import dev.todobot.core.error.UnauthenticatedException;
import dev.todobot.core.task.Task;
import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which password work sign-up and sign-in do, counted on the real Argon2 encoder.
 */
class AuthServiceTests {

	private static final CountingEncoder encoder = new CountingEncoder(
			Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());

	private static Database database;

	private static PasswordHashing hashing;

	private static AuthService auth;

	@BeforeAll
	static void start() {
		database = new Database(ReactiveDatabase.sessionFactory(EmbeddedDatabase.settings(), PoolSettings.defaults(),
				List.of(Task.class, User.class)));
		hashing = new PasswordHashing(encoder, 1, 4);
		auth = new AuthService(database, hashing,
				new TokenService(EmbeddedDatabase.JWT_SECRET, Duration.ofHours(1), Clock.systemUTC()),
				Clock.systemUTC());
	}

	@AfterAll
	static void stop() {
		hashing.close();
		database.close();
	}

	@Test
	void signInWithAnUnknownEmailChecksAPasswordAsAKnownOneDoes() {
		String email = newEmail();
		auth.signUp(new SignUp(email, "correct horse", null)).block();
		int before = encoder.matches.get();
		assertThatThrownBy(() -> auth.signIn(new SignIn(email, "wrong horse")).block())
			.isInstanceOf(UnauthenticatedException.class);
		assertThat(encoder.matches.get() - before).as("checks for a known e-mail").isOne();
		before = encoder.matches.get();
		assertThatThrownBy(() -> auth.signIn(new SignIn(newEmail(), "wrong horse")).block())
			.isInstanceOf(UnauthenticatedException.class)
			.hasMessage("Wrong e-mail or password");
		assertThat(encoder.matches.get() - before).as("checks for an unknown e-mail").isOne();
		assertThat(encoder.lastCheckedHash).as("a hash of the same kind").startsWith("$argon2id$");
	}

	@Test
	void signUpWithATakenEmailHashesNothing() {
		String email = newEmail();
		auth.signUp(new SignUp(email, "correct horse", null)).block();
		int before = encoder.encodes.get();
		assertThatThrownBy(() -> auth.signUp(new SignUp(email, "other horse", null)).block())
			.isInstanceOf(ConflictException.class);
		assertThat(encoder.encodes.get()).isEqualTo(before);
	}

	@Test
	void signInWithTheSignUpPasswordOpensASession() {
		String email = newEmail();
		auth.signUp(new SignUp(email, "correct horse", "Ada")).block();
		assertThat(auth.signIn(new SignIn(email, "correct horse")).block().user().name()).isEqualTo("Ada");
	}

	private static String newEmail() {
		return UUID.randomUUID() + "@example.com";
	}

	/**
	 * The real encoder, counting its calls.
	 */
	private static final class CountingEncoder implements PasswordEncoder {

		private final PasswordEncoder encoder;

		final AtomicInteger encodes = new AtomicInteger();

		final AtomicInteger matches = new AtomicInteger();

		volatile String lastCheckedHash;

		CountingEncoder(PasswordEncoder encoder) {
			this.encoder = encoder;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			this.encodes.incrementAndGet();
			return this.encoder.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.matches.incrementAndGet();
			this.lastCheckedHash = encodedPassword;
			return this.encoder.matches(rawPassword, encodedPassword);
		}

	}

}
