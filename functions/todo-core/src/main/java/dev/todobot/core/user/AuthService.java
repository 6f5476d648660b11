package dev.todobot.core.user;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Optional;

import dev.todobot.core.db.Database;
import dev.todobot.core.error.ConflictException;
import dev.todobot.core.error.OverloadedException;
import dev.todobot.core.error.UnauthenticatedException;
import org.hibernate.reactive.stage.Stage;
import reactor.core.publisher.Mono;

/**
 * Signs users up and in. Password hashing is deliberately slow and memory-hard, so it
 * runs off the event loop, on {@link PasswordHashing}'s bounded pool.
 */
public class AuthService {

	private final Database database;

	private final PasswordHashing passwords;

	private final TokenService tokens;

	private final Clock clock;

	public AuthService(Database database, PasswordHashing passwords, TokenService tokens, Clock clock) {
		this.database = database;
		this.passwords = passwords;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Creates an account. A taken e-mail is refused before any hashing: hashing is the
	 * expensive part, and nobody should be able to make the server do it for nothing.
	 * @param signUp the checked request
	 * @return the new user's session
	 * @throws ConflictException (in the Mono) when the e-mail is taken
	 * @throws OverloadedException (in the Mono) when too many passwords are being hashed
	 */
	public Mono<Session> signUp(SignUp signUp) {
		return this.database.read((session) -> findByEmail(session, signUp.email()))
			.flatMap((existing) -> Mono.<String>error(taken()))
			.switchIfEmpty(Mono.defer(() -> this.passwords.hash(signUp.password())))
			.flatMap((hash) -> this.database
				.transaction((session) -> findByEmail(session, signUp.email()).thenCompose((existing) -> {
					if (existing != null) {
						return CompletableFuture.failedFuture(taken());
					}
					User user = new User(signUp.email(), signUp.name(), signUp.timeZone(), hash,
							this.clock.instant().truncatedTo(ChronoUnit.MICROS));
					return session.persist(user).thenCompose((ignored) -> session.flush()).thenApply((ignored) -> user);
				})))
			.onErrorMap(Database::isDuplicate, (ex) -> taken())
			.map((user) -> session(user.view()));
	}

	/**
	 * Signs a user in. An unknown e-mail costs the same password check as a known one, so
	 * that the time of the answer does not tell which e-mails have an account.
	 * @param signIn the checked request
	 * @return the user's session
	 * @throws UnauthenticatedException (in the Mono) when the e-mail or password is wrong
	 * @throws OverloadedException (in the Mono) when too many passwords are being checked
	 */
	public Mono<Session> signIn(SignIn signIn) {
		return this.database.read((session) -> findByEmail(session, signIn.email()))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((user) -> user.isPresent()
					? this.passwords.matches(signIn.password(), user.get().passwordHash())
						.filter(Boolean::booleanValue)
						.map((matches) -> user.get())
					: this.passwords.matchesNoAccount(signIn.password()).then(Mono.empty()))
			.switchIfEmpty(Mono.error(() -> new UnauthenticatedException("Wrong e-mail or password")))
			.map((user) -> session(user.view()));
	}

	/**
	 * Changes a user's profile. The time zone is a claim of the token, so the answer is a
	 * new session; the old token keeps the old zone until it expires.
	 * @param userId the caller
	 * @param change the checked change
	 * @return the session with the changed user
	 * @throws UnauthenticatedException (in the Mono) when the account is gone
	 */
	public Mono<Session> updateProfile(long userId, ProfileChange change) {
		return this.database.transaction((session) -> session.find(User.class, userId).thenCompose((user) -> {
			if (user == null) {
				return CompletableFuture.failedFuture(UnauthenticatedException.accountGone());
			}
			user.change(change);
			return session.flush().thenApply((ignored) -> user.view());
		})).map(this::session);
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
