package dev.todobot.chat.agent;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.todobot.core.error.DomainException;
import dev.todobot.core.error.UpstreamFailureException;
import dev.todobot.core.error.UpstreamFailureException.Kind;

/**
 * Turns a language model provider's failure into what the caller is told: 502 when it
 * failed, 503 when it is rate-limited (with the wait it asked for), 504 when it was too
 * slow.
 */
final class ProviderFailures {

	/** OpenAI-compatible providers say how long to wait in the error text. */
	private static final Pattern TRY_AGAIN = Pattern.compile("(?i)try again in (\\d+(?:\\.\\d+)?)\\s*(ms|s)");

	private ProviderFailures() {
	}

	static RuntimeException translate(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DomainException domain) {
				return domain;
			}
			if (cause instanceof RateLimitException
					|| (cause instanceof HttpException http && http.statusCode() == 429)) {
				return new UpstreamFailureException(Kind.UNAVAILABLE, retryAfter(cause.getMessage()),
						"The language model is busy (rate-limited); your message is saved, try again shortly", failure);
			}
			if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException
					|| cause instanceof java.util.concurrent.TimeoutException) {
				return new UpstreamFailureException(Kind.TIMED_OUT, null,
						"The language model did not answer in time; your message is saved, try again", failure);
			}
			if (cause instanceof AuthenticationException) {
				return new UpstreamFailureException(Kind.FAILED, null,
						"The language model refused this server's API key; your message is saved", failure);
			}
			if (cause instanceof ConnectException) {
				return new UpstreamFailureException(Kind.FAILED, null,
						"The language model cannot be reached; your message is saved, try again later", failure);
			}
		}
		if (failure instanceof LangChain4jException) {
			return new UpstreamFailureException(Kind.FAILED, null,
					"The language model failed to answer; your message is saved, try again", failure);
		}
		return (failure instanceof RuntimeException runtime) ? runtime : new IllegalStateException(failure);
	}

	private static Duration retryAfter(String message) {
		Matcher matcher = TRY_AGAIN.matcher(String.valueOf(message));
		if (!matcher.find()) {
			return null;
		}
		double amount = Double.parseDouble(matcher.group(1));
		long millis = matcher.group(2).equalsIgnoreCase("ms") ? (long) amount : (long) (amount * 1000);
		return Duration.ofMillis(Math.max(1000, millis));
	}

}
