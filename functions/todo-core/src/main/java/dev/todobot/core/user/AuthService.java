package dev.todobot.core.user;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.todobot.core.db.Database;
import dev.todobot.core.error.ConflictException;
import dev.todobot.core.error.UnauthenticatedException;
import org.hibernate.reactive.stage.Stage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs users up and in. Password hashing is deliberately slow, so it runs off the event
 * loop.
 */
public class AuthService {

	private final Database database;

	private final PasswordEncoder passwords;

	private final TokenService tokens;

	private final Clock clock;

	public AuthService(Database database, PasswordEncoder passwords, TokenService tokens, Clock clock) {
		this.database = database;
		this.passwords = passwords;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Creates an account.
	 * @param signUp the checked request
	 * @return the new user's session
	 * @throws ConflictException (in the Mono) when the e-mail is taken
	 */
	public Mono<Session> signUp(SignUp signUp) {
		return Mono.fromCallable(() -> this.passwords.encode(signUp.password()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((hash) -> this.database
				.transaction((session) -> findByEmail(session, signUp.email()).thenCompose((existing) -> {
					if (existing != null) {
						return CompletableFuture.failedFuture(taken());
					}
					User user = new User(signUp.email(), signUp.name(), hash,
							this.clock.instant().truncatedTo(ChronoUnit.MICROS));
					return session.persist(user).thenCompose((ignored) -> session.flush()).thenApply((ignored) -> user);
				})))
			.onErrorMap(Database::isDuplicate, (ex) -> taken())
			.map((user) -> session(user.view()));
	}

	/**
	 * Signs a user in.
	 * @param signIn the checked request
	 * @return the user's session
	 * @throws UnauthenticatedException (in the Mono) when the e-mail or password is wrong
	 */
	public Mono<Session> signIn(SignIn signIn) {
		return this.database.transaction((session) -> findByEmail(session, signIn.email()))
			.publishOn(Schedulers.boundedElastic())
			.filter((user) -> this.passwords.matches(signIn.password(), user.passwordHash()))
			.switchIfEmpty(Mono.error(() -> new UnauthenticatedException("Wrong e-mail or password")))
			.map((user) -> session(user.view()));
	}

	private Session session(UserView user) {
		return new Session(this.tokens.issue(user), user);
	}

	private static CompletionStage<User> findByEmail(Stage.Session session, String email) {
		return session.createSelectionQuery("from User u where lower(u.email) = :email", User.class)
			.setParameter("email", email)
			.getSingleResultOrNull();
	}

	private static ConflictException taken() {
		return new ConflictException("An account with this e-mail already exists; sign in instead");
	}

}
