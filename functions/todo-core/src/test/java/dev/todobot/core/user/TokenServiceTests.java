package dev.todobot.core.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import dev.todobot.core.error.UnauthenticatedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenServiceTests {

	private final TokenService tokens = new TokenService("0123456789abcdef0123456789abcdef", Duration.ofHours(1),
			Clock.systemUTC());

	@Test
	void aTokenCarriesTheUsersTimeZone() {
		String token = this.tokens.issue(new UserView(7, "ada@example.com", "Ada", "Pacific/Kiritimati"));
		assertThat(this.tokens.authenticate("Bearer " + token).zone()).isEqualTo(ZoneId.of("Pacific/Kiritimati"));
	}

	@Test
	void refusesAKeyShorterThan32Bytes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenService("too-short", Duration.ofHours(1), Clock.systemUTC()))
			.withMessageContaining("JWT_SECRET");
	}

	@Test
	void issuedTokenStandsForItsUser() {
		String token = this.tokens.issue(new UserView(7, "ada@example.com", "Ada"));
		assertThat(this.tokens.authenticate("Bearer " + token)).isEqualTo(new AuthenticatedUser(7, "ada@example.com"));
	}

	@Test
	void takesTheSchemeInAnyCaseAndAnyWhitespaceBeforeTheToken() {
		String token = this.tokens.issue(new UserView(7, "ada@example.com", "Ada"));
		assertThat(this.tokens.authenticate(" bearer \t " + token + " ").id()).isEqualTo(7);
	}

	@Test
	void refusesABearerHeaderWithoutAToken() {
		assertThatExceptionOfType(UnauthenticatedException.class).isThrownBy(() -> this.tokens.authenticate("Bearer"))
			.withMessageContaining("Bearer <token>");
	}

	@Test
	void refusesAHeaderWithoutTheBearerScheme() {
		String token = this.tokens.issue(new UserView(7, "ada@example.com", "Ada"));
		assertThatExceptionOfType(UnauthenticatedException.class)
			.isThrownBy(() -> this.tokens.authenticate("Basic " + token));
	}

	@Test
	void aTokenVerifiedBeforeIsRefusedOnceItExpires() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T10:00:00Z"));
		TokenService tokens = new TokenService("0123456789abcdef0123456789abcdef", Duration.ofHours(1),
				new SettableClock(now));
		String token = tokens.issue(new UserView(7, "ada@example.com", "Ada"));
		assertThat(tokens.verify(token).id()).isEqualTo(7);
		now.set(Instant.parse("2026-11-30T11:05:00Z"));
		assertThatExceptionOfType(UnauthenticatedException.class).isThrownBy(() -> tokens.verify(token));
	}

	@Test
	void aTamperedCopyOfAVerifiedTokenIsRefused() {
		String token = this.tokens.issue(new UserView(7, "ada@example.com", "Ada"));
		this.tokens.verify(token);
		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
		assertThatExceptionOfType(UnauthenticatedException.class).isThrownBy(() -> this.tokens.verify(tampered));
	}

	@Test
	void refusesAValidTokenWithCharactersTheParserWouldSkip() {
		String token = this.tokens.issue(new UserView(7, "ada@example.com", "Ada"));
		int signature = token.lastIndexOf('.') + 1;
		String padded = token.substring(0, signature) + "!!!!" + token.substring(signature);
		assertThatExceptionOfType(UnauthenticatedException.class).isThrownBy(() -> this.tokens.verify(padded));
	}

	/**
	 * A clock the test moves.
	 */
	private static final class SettableClock extends Clock {

		private final AtomicReference<Instant> now;

		SettableClock(AtomicReference<Instant> now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

}
