package dev.todobot.core.user;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.todobot.core.error.OverloadedException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords on a small pool of its own, with a short queue, and refuses
 * more work than that with {@link OverloadedException}.
 * <p>
 * A password hash is slow and memory-hard on purpose: one Argon2 hash with Spring
 * Security's defaults holds about 16 MiB of heap while it runs. On a shared pool ten of
 * them ran at once, and a burst of sign-ups exhausted the heap of a 256 MiB pod; more
 * hashes at once than CPUs finish no sooner anyway. Waiting work holds no such memory, so
 * the queue only bounds how long a caller may wait before being told to retry.
 */
public class PasswordHashing implements AutoCloseable {

	/** How long an overloaded caller is asked to wait: a few hashes' time. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final PasswordEncoder encoder;

	private final Scheduler scheduler;

	private final Mono<String> unknownUserHash;

	/**
	 * @param encoder the password encoder, such as Argon2
	 * @param threads how many hashes run at once
	 * @param queue how many more wait for a thread
	 */
	public PasswordHashing(PasswordEncoder encoder, int threads, int queue) {
		this.encoder = encoder;
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(queue), Thread.ofPlatform().name("password-hashing-", 0).daemon().factory());
		this.scheduler = Schedulers.fromExecutorService(executor, "password-hashing");
		// made on first need, not at start, where a hash would lengthen every cold start;
		// kept once made (an overloaded attempt is not kept)
		this.unknownUserHash = run(() -> encoder.encode("no account has this password"))
			.cacheInvalidateIf((hash) -> false);
	}

	/**
	 * Hashes a new password.
	 * @param password the password
	 * @return its hash
	 * @throws OverloadedException (in the Mono) when the pool and its queue are full
	 */
	public Mono<String> hash(CharSequence password) {
		return run(() -> this.encoder.encode(password));
	}

	/**
	 * Checks a password against a stored hash.
	 * @param password the password given
	 * @param hash the stored hash
	 * @return whether they match
	 * @throws OverloadedException (in the Mono) when the pool and its queue are full
	 */
	public Mono<Boolean> matches(CharSequence password, String hash) {
		return run(() -> this.encoder.matches(password, hash));
	}

	/**
	 * Does the work of {@link #matches} for an account that does not exist, against a
	 * hash of the same kind, so that how long a sign-in takes does not tell whether an
	 * e-mail has an account.
	 * @param password the password given
	 * @return completes empty after the check
	 * @throws OverloadedException (in the Mono) when the pool and its queue are full
	 */
	public Mono<Void> matchesNoAccount(CharSequence password) {
		return this.unknownUserHash.flatMap((hash) -> matches(password, hash)).then();
	}

	private <T> Mono<T> run(Callable<T> work) {
		return Mono.fromCallable(work)
			.subscribeOn(this.scheduler)
			.onErrorMap(PasswordHashing::isRejected,
					(ex) -> new OverloadedException("Too many sign-ups and sign-ins at once; try again in a moment",
							RETRY_AFTER, ex));
	}

	private static boolean isRejected(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof RejectedExecutionException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.scheduler.dispose();
	}

}
