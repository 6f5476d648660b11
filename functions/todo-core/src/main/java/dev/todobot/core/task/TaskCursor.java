package dev.todobot.core.task;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.todobot.core.error.InvalidInputException;

/**
 * The position after the last task of a page, signed so that a client can neither forge
 * one nor use one made for another user or another query.
 *
 * @param key the sort key of the last task: its due date's epoch day ({@code null} for
 * none) or its priority rank; unused for the newest-first order
 * @param id the id of the last task
 */
record TaskCursor(Long key, long id) {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	/**
	 * Signs cursors with a server secret.
	 */
	static final class Codec {

		private final SecretKeySpec key;

		Codec(byte[] secret) {
			this.key = new SecretKeySpec(secret, ALGORITHM);
		}

		String encode(TaskCursor cursor, long userId, TaskQuery query) {
			String payload = ((cursor.key() != null) ? cursor.key().toString() : "") + ":" + cursor.id();
			return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
					+ ENCODER.encodeToString(sign(payload, userId, query));
		}

		TaskCursor decode(String text, long userId, TaskQuery query) {
			try {
				String[] parts = text.split("\\.", 2);
				String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
				byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
				if (!MessageDigest.isEqual(signature, sign(payload, userId, query))) {
					throw invalid();
				}
				String[] fields = payload.split(":", 2);
				return new TaskCursor(fields[0].isEmpty() ? null : Long.valueOf(fields[0]), Long.parseLong(fields[1]));
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
				throw invalid();
			}
		}

		private byte[] sign(String payload, long userId, TaskQuery query) {
			try {
				Mac mac = Mac.getInstance(ALGORITHM);
				mac.init(this.key);
				return mac
					.doFinal((userId + "|" + query.fingerprint() + "|" + payload).getBytes(StandardCharsets.UTF_8));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is not available", ex);
			}
		}

		private static InvalidInputException invalid() {
			return new InvalidInputException("cursor",
					"cursor is not one this list gave out; start again without it, or keep the same filters");
		}

	}

}
