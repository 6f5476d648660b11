package dev.todobot.core.error;

/**
 * A well-formed request that cannot be carried out as sent, such as an
 * {@code Idempotency-Key} reused for a different request.
 *
 * @see <a href=
 * "https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/">The
 * Idempotency-Key HTTP header field</a>
 */
public class UnprocessableException extends DomainException {

	private final String field;

	public UnprocessableException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The field or header at fault. */
	public String field() {
		return this.field;
	}

}
