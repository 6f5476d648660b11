package dev.todobot.core.user;

import java.time.Clock;
import java.time.Duration;

import dev.todobot.core.error.UnauthenticatedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenServiceTests {

	private final TokenService tokens = new TokenService("0123456789abcdef0123456789abcdef", Duration.ofHours(1),
			Clock.systemUTC());

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
	void refusesAHeaderWithoutTheBearerScheme() {
		String token = this.tokens.issue(new UserView(7, "ada@example.com", "Ada"));
		assertThatExceptionOfType(UnauthenticatedException.class)
			.isThrownBy(() -> this.tokens.authenticate("Basic " + token));
	}

}
