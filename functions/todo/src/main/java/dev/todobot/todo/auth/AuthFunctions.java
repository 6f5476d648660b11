package dev.todobot.todo.auth;

import java.time.Duration;
import java.util.function.Function;

import dev.todobot.core.user.AuthService;
import dev.todobot.core.user.AuthThrottle;
import dev.todobot.core.user.ProfileChange;
import dev.todobot.core.user.SignIn;
import dev.todobot.core.user.SignUp;
import dev.todobot.core.web.ClientAddressFilter;
import dev.todobot.core.web.FunctionEndpoints;
import dev.todobot.todo.function.CloudEventEndpoints;
import dev.todobot.todo.function.TodoOperation;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;

/**
 * Sign-up and sign-in, served at {@code POST /signup} and {@code POST /login}, throttled
 * per account and per client address. Settings come from the environment:
 * <ul>
 * <li>{@code THROTTLE_ACCOUNT_FAILURES} (default 5) failed sign-ins per account, refilled
 * over {@code THROTTLE_ACCOUNT_PERIOD} (default 5m): a user who mistypes gets five tries
 * at once, then one a minute; a guesser gets at most 1,440 a day at one account.</li>
 * <li>{@code THROTTLE_ADDRESS_ATTEMPTS} (default 20) sign-ups and sign-ins per client
 * address, refilled over {@code THROTTLE_ADDRESS_PERIOD} (default 1m): far more than a
 * household or an office signs in, and it bounds how fast one address can probe e-mails
 * or guess across accounts.</li>
 * <li>{@code THROTTLE_TRACKED} (default 10,000) accounts, and as many addresses, tracked
 * per instance (a bucket is a few hundred bytes).</li>
 * <li>{@code TRUSTED_PROXIES}: see {@link ClientAddressFilter}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AuthFunctions {

	@Bean
	ClientAddressFilter clientAddressFilter(Environment environment) {
		return new ClientAddressFilter(
				environment.getProperty("TRUSTED_PROXIES", ClientAddressFilter.DEFAULT_TRUSTED_PROXIES));
	}

	@Bean
	AuthThrottle authThrottle(Environment environment) {
		return new AuthThrottle(
				new AuthThrottle.Limits(
						new AuthThrottle.Limit(environment.getProperty("THROTTLE_ACCOUNT_FAILURES", Integer.class, 5),
								environment.getProperty("THROTTLE_ACCOUNT_PERIOD", Duration.class,
										Duration.ofMinutes(5))),
						new AuthThrottle.Limit(environment.getProperty("THROTTLE_ADDRESS_ATTEMPTS", Integer.class, 20),
								environment.getProperty("THROTTLE_ADDRESS_PERIOD", Duration.class,
										Duration.ofMinutes(1))),
						environment.getProperty("THROTTLE_TRACKED", Integer.class, 10_000)));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> signup(FunctionEndpoints endpoints, CloudEventEndpoints events,
			AuthService auth, AuthThrottle throttle) {
		return events.of(TodoOperation.SIGNUP, endpoints.open(SignUp.class, (signUp) -> ClientAddressFilter.current()
			.flatMap((address) -> throttle.signUp(address, () -> auth.signUp(signUp)))));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> login(FunctionEndpoints endpoints, CloudEventEndpoints events,
			AuthService auth, AuthThrottle throttle) {
		return events.of(TodoOperation.LOGIN, endpoints.open(SignIn.class, (signIn) -> ClientAddressFilter.current()
			.flatMap((address) -> throttle.signIn(signIn.email(), address, () -> auth.signIn(signIn)))));
	}

	/**
	 * Changes the caller's time zone or name; answers a new session, as the zone is a
	 * claim of the token.
	 */
	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> updateProfile(FunctionEndpoints endpoints,
			CloudEventEndpoints events, AuthService auth) {
		return events.of(TodoOperation.UPDATE_PROFILE, endpoints.authenticated(ProfileChange.class,
				(caller, change) -> auth.updateProfile(caller.user().id(), change)));
	}

}
