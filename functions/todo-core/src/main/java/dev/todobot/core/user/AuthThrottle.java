package dev.todobot.core.user;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.todobot.core.error.TooManyAttemptsException;
import dev.todobot.core.error.UnauthenticatedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Slows password guessing and account probing with token buckets (Bucket4j): one per
 * account for failed sign-ins, and one per client address for every sign-up and sign-in.
 * A refused attempt is answered with {@link TooManyAttemptsException} before any password
 * is hashed, so it costs the server next to nothing.
 * <p>
 * An account's bucket is keyed by the e-mail as given, whether or not it has an account,
 * so that the throttle answers alike for both and tells nothing about which exist. Each
 * sign-in takes a token from it up front (so that parallel guesses cannot all pass before
 * the first failure is counted) and gives it back unless the password was wrong: only
 * failures count. The price is that someone guessing at an account also keeps its owner
 * out until the bucket refills; the per-address bucket limits how fast anyone can do that
 * to many accounts.
 * <p>
 * Buckets live in this instance's memory, in caches bounded in size: a flood of distinct
 * e-mails or addresses evicts the least recently used buckets instead of growing the
 * heap, and a bucket unused for as long as it takes to refill is dropped as it equals a
 * new one. Each replica counts on its own, so with {@code n} replicas a client may get up
 * to {@code n} times the limits; Knative routes a client's requests to any of them.
 */
public class AuthThrottle {

	private final Buckets accounts;

	private final Buckets addresses;

	public AuthThrottle(Limits limits) {
		this.accounts = new Buckets(limits.accountFailures(), limits.tracked(),
				"Too many failed sign-ins to this account");
		this.addresses = new Buckets(limits.addressAttempts(), limits.tracked(),
				"Too many sign-ups and sign-ins from your network");
	}

	/**
	 * Runs a sign-up unless its address has made too many attempts.
	 * @param address the client's address
	 * @param signUp the sign-up
	 * @return the sign-up's answer
	 * @throws TooManyAttemptsException (in the Mono) when the address is over its limit
	 */
	public <T> Mono<T> signUp(String address, Supplier<Mono<T>> signUp) {
		return Mono.defer(() -> {
			this.addresses.take(address);
			return signUp.get();
		});
	}

	/**
	 * Runs a sign-in unless its address has made too many attempts or its account has had
	 * too many failed ones.
	 * @param email the normalized e-mail signed in with
	 * @param address the client's address
	 * @param signIn the sign-in
	 * @return the sign-in's answer
	 * @throws TooManyAttemptsException (in the Mono) when either is over its limit
	 */
	public <T> Mono<T> signIn(String email, String address, Supplier<Mono<T>> signIn) {
		return Mono.defer(() -> {
			this.addresses.take(address);
			Bucket account = this.accounts.take(email);
			// a sign-in that did not fail on the password (it succeeded, or the server
			// could not check it) is no guess
			return signIn.get()
				.doOnSuccess((session) -> account.addTokens(1))
				.doOnError((error) -> !(error instanceof UnauthenticatedException), (error) -> account.addTokens(1));
		});
	}

	/**
	 * One kind of bucket, by key, in a cache bounded in size.
	 */
	private static final class Buckets {

		private final Limit limit;

		private final Cache<String, Bucket> cache;

		private final String refusal;

		Buckets(Limit limit, int tracked, String refusal) {
			this.limit = limit;
			this.cache = Caffeine.newBuilder().maximumSize(tracked).expireAfterAccess(limit.per()).build();
			this.refusal = refusal;
		}

		Bucket take(String key) {
			Bucket bucket = this.cache.get(key,
					(ignored) -> Bucket.builder()
						.addLimit(Bandwidth.builder()
							.capacity(this.limit.attempts())
							.refillGreedy(this.limit.attempts(), this.limit.per())
							.build())
						.build());
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				// whole seconds, rounded up: a client that waits as told is let through
				long seconds = Math.max(1, Math.ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
				throw new TooManyAttemptsException(this.refusal + "; try again in " + seconds + " s",
						Duration.ofSeconds(seconds));
			}
			return bucket;
		}

	}

	/**
	 * How many attempts a bucket lets through at once, refilled evenly over a period.
	 *
	 * @param attempts the bucket's size, at least 1
	 * @param per the time it takes to refill from empty
	 */
	public record Limit(int attempts, Duration per) {

		public Limit {
			if (attempts < 1 || per.isNegative() || per.isZero()) {
				throw new IllegalArgumentException("A limit needs at least 1 attempt over a positive period");
			}
		}

	}

	/**
	 * The throttle's settings.
	 *
	 * @param accountFailures failed sign-ins per account
	 * @param addressAttempts sign-ups and sign-ins per client address
	 * @param tracked how many accounts, and how many addresses, are tracked at most
	 */
	public record Limits(Limit accountFailures, Limit addressAttempts, int tracked) {

	}

}
