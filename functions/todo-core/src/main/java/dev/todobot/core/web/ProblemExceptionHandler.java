package dev.todobot.core.web;

import java.net.URI;

import dev.todobot.core.error.ConflictException;
import dev.todobot.core.error.DatabaseUnavailableException;
import dev.todobot.core.error.DomainException;
import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.error.NotFoundException;
import dev.todobot.core.error.OverloadedException;
import dev.todobot.core.error.StaleVersionException;
import dev.todobot.core.error.TooManyAttemptsException;
import dev.todobot.core.error.UnauthenticatedException;
import dev.todobot.core.error.UnprocessableException;
import dev.todobot.core.error.UpstreamFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers every failure, from a function or from the web layer itself, with
 * {@code application/problem+json} and the right status. Never sends a stack trace.
 */
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private static final String RETRY_AFTER_SECONDS = "5";

	private final JsonBodies json;

	public ProblemExceptionHandler(JsonBodies json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(error);
		}
		ProblemDetail problem = problem(error, response.getHeaders());
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.write(problem);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/**
	 * The problem for a failure.
	 * @param error the failure
	 * @param headers the response headers, for headers a status asks for
	 * @return the problem
	 */
	public static ProblemDetail problem(Throwable failure, HttpHeaders headers) {
		return switch (rootDomainCause(failure)) {
			case InvalidInputException invalid -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
				problem.setTitle("Invalid " + invalid.field());
				problem.setProperty("field", invalid.field());
				yield problem;
			}
			case UnauthenticatedException unauthenticated -> {
				headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"todo\"");
				yield ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, unauthenticated.getMessage());
			}
			case NotFoundException notFound ->
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
			case StaleVersionException stale -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, stale.getMessage());
				problem.setTitle("Changed since read");
				problem.setProperty("currentVersion", stale.currentVersion());
				yield problem;
			}
			case ConflictException conflict ->
				ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
			case UnprocessableException unprocessable -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
						unprocessable.getMessage());
				problem.setProperty("field", unprocessable.field());
				yield problem;
			}
			case DatabaseUnavailableException unavailable -> {
				headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
				yield ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getMessage());
			}
			case OverloadedException overloaded -> {
				headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, overloaded.retryAfter().toSeconds())));
				yield ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, overloaded.getMessage());
			}
			case TooManyAttemptsException tooMany -> {
				headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
				yield ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, tooMany.getMessage());
			}
			case UpstreamFailureException upstream -> {
				if (upstream.retryAfter() != null) {
					headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, upstream.retryAfter().toSeconds())));
				}
				HttpStatus status = switch (upstream.kind()) {
					case FAILED -> HttpStatus.BAD_GATEWAY;
					case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
					case TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
				};
				yield ProblemDetail.forStatusAndDetail(status, upstream.getMessage());
			}
			case DataBufferLimitException tooLarge -> ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"The body is larger than " + RequestLimitsFilter.MAX_BODY_BYTES / 1024 + " KiB");
			case ErrorResponse response -> {
				// such as Allow on a 405
				headers.addAll(response.getHeaders());
				ProblemDetail problem = ProblemDetail.forStatus(response.getStatusCode());
				problem.setDetail(clientMessage(response));
				yield problem;
			}
			default -> {
				logger.error("Request failed", failure);
				yield ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
						"Something went wrong on our side; nothing was changed. Try again.");
			}
		};
	}

	private static String clientMessage(ErrorResponse response) {
		HttpStatusCode status = response.getStatusCode();
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return "No such route; the functions are reached with POST /<function>";
		}
		if (status.value() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
			return "This route does not take that method";
		}
		if (status.value() == HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()) {
			return "Send the body as application/json";
		}
		String detail = response.getBody().getDetail();
		return (detail != null) ? detail : HttpStatus.valueOf(status.value()).getReasonPhrase();
	}

	/**
	 * Functions may wrap a domain failure (in a reactive operator or the function
	 * framework): the domain failure decides the answer.
	 */
	private static Throwable rootDomainCause(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof DomainException || cause instanceof DataBufferLimitException
					|| cause instanceof ErrorResponse) {
				return cause;
			}
		}
		return error;
	}

}
