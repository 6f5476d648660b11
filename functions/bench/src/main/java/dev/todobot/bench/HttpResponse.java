package dev.todobot.bench;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP response as the benchmark's client reads it.
 *
 * @param status the status code
 * @param body the body, de-chunked
 */
record HttpResponse(int status, byte[] body) {

	String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * Whether the body contains the given ASCII text, without decoding it.
	 * @param marker the text
	 * @return {@code true} when it occurs
	 */
	boolean contains(byte[] marker) {
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
