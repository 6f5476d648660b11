package dev.todobot.todo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in and sign-up throttling, with small limits that do not refill while a test runs:
 * two failed sign-ins per account and three attempts per client address an hour. The
 * tests connect from loopback, the only trusted proxy here, so the client address is the
 * last {@code X-Forwarded-For} entry; tests that count one kind of bucket send each
 * request from an address of its own so that the other kind never fills.
 */
@TestPropertySource(properties = { "THROTTLE_ACCOUNT_FAILURES=2", "THROTTLE_ACCOUNT_PERIOD=1h",
		"THROTTLE_ADDRESS_ATTEMPTS=3", "THROTTLE_ADDRESS_PERIOD=1h", "TRUSTED_PROXIES=127.0.0.0/8,::1/128" })
class ThrottleTests extends TodoHttpTestSupport {

	private static final String PASSWORD = "correct horse";

	private static final AtomicInteger addresses = new AtomicInteger();

	@Test
	void theFailedSignInPastTheAccountLimitIsRefusedWith429AndRetryAfter() {
		String email = signedUp();
		logIn(newAddress(), email, "wrong horse").expectStatus().isUnauthorized();
		logIn(newAddress(), email, "wrong horse").expectStatus().isUnauthorized();
		logIn(newAddress(), email, "wrong horse").expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 3600))
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).startsWith("Too many failed sign-ins to this account"));
	}

	@Test
	void anAccountOverItsLimitIsRefusedEvenWithTheRightPassword() {
		String email = signedUp();
		logIn(newAddress(), email, "wrong horse").expectStatus().isUnauthorized();
		logIn(newAddress(), email, "wrong horse").expectStatus().isUnauthorized();
		// refused before the password is checked: that is what makes guessing cheap to
		// refuse
		logIn(newAddress(), email, PASSWORD).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void anotherAccountStillSignsInWhileOneIsOverItsLimit() {
		String attacked = signedUp();
		String other = signedUp();
		String address = newAddress();
		logIn(address, attacked, "wrong horse").expectStatus().isUnauthorized();
		logIn(newAddress(), attacked, "wrong horse").expectStatus().isUnauthorized();
		logIn(newAddress(), attacked, "wrong horse").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		logIn(address, other, PASSWORD).expectStatus().isOk();
	}

	@Test
	void successfulSignInsDoNotCountAgainstTheAccount() {
		String email = signedUp();
		for (int i = 0; i < 3; i++) {
			logIn(newAddress(), email, PASSWORD).expectStatus().isOk();
		}
		// the account still has both of its failures, and only those
		logIn(newAddress(), email, "wrong horse").expectStatus().isUnauthorized();
		logIn(newAddress(), email, "wrong horse").expectStatus().isUnauthorized();
		logIn(newAddress(), email, "wrong horse").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void anEmailWithoutAnAccountIsThrottledLikeOneWithAnAccount() {
		String email = UUID.randomUUID() + "@example.com";
		logIn(newAddress(), email, "wrong horse").expectStatus().isUnauthorized();
		logIn(newAddress(), email, "wrong horse").expectStatus().isUnauthorized();
		logIn(newAddress(), email, "wrong horse").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void signUpsFromOneAddressPastTheLimitAreRefusedAndCreateNoAccount() {
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			signUp(address, UUID.randomUUID() + "@example.com").expectStatus().isOk();
		}
		long users = EmbeddedDatabase.count("select count(*) from users");
		signUp(address, UUID.randomUUID() + "@example.com").expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 3600))
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).startsWith("Too many sign-ups and sign-ins from your"));
		assertThat(EmbeddedDatabase.count("select count(*) from users")).isEqualTo(users);
	}

	@Test
	void signInsAndSignUpsFromOneAddressShareItsLimit() {
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			logIn(address, UUID.randomUUID() + "@example.com", "wrong horse").expectStatus().isUnauthorized();
		}
		signUp(address, UUID.randomUUID() + "@example.com").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void differentAddressesAreCountedApart() {
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			signUp(address, UUID.randomUUID() + "@example.com").expectStatus().isOk();
		}
		signUp(address, UUID.randomUUID() + "@example.com").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		signUp(newAddress(), UUID.randomUUID() + "@example.com").expectStatus().isOk();
	}

	@Test
	void addressesAClientWritesBeforeTheTrustedHopDoNotEscapeTheLimit() {
		String address = newAddress();
		for (int i = 1; i <= 3; i++) {
			signUp("198.51.100." + i + ", " + address, UUID.randomUUID() + "@example.com").expectStatus().isOk();
		}
		signUp("198.51.100.4, " + address, UUID.randomUUID() + "@example.com").expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	/**
	 * An address of the benchmarking range 198.18.0.0/15 that no other request used.
	 */
	private static String newAddress() {
		int n = addresses.incrementAndGet();
		return "198.18." + (n / 250) + "." + (1 + n % 250);
	}

	private String signedUp() {
		String email = UUID.randomUUID() + "@example.com";
		signUp(newAddress(), email).expectStatus().isOk();
		return email;
	}

	private WebTestClient.ResponseSpec signUp(String forwardedFor, String email) {
		return post("/signup", forwardedFor, Map.of("email", email, "password", PASSWORD));
	}

	private WebTestClient.ResponseSpec logIn(String forwardedFor, String email, String password) {
		return post("/login", forwardedFor, Map.of("email", email, "password", password));
	}

	private WebTestClient.ResponseSpec post(String path, String forwardedFor, Map<String, String> body) {
		return http().post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Forwarded-For", forwardedFor)
			.bodyValue(body)
			.exchange();
	}

}
