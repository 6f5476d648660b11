package dev.todobot.training;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP response as {@link HttpConnection} reads it.
 *
 * @param status the status code
 * @param body the body, de-chunked
 */
public record HttpResponse(int status, byte[] body) {

	public String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * Whether the body contains the given ASCII text, without decoding it.
	 * @param marker the text
	 * @return {@code true} when it occurs
	 */
	public boolean contains(byte[] marker) {
		outer: for (int i = 0; i <= this.body.length - marker.length; i++) {
			for (int j = 0; j < marker.length; j++) {
				if (this.body[i + j] != marker[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
