package dev.todobot.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile request bodies, generated the same way for every function: a valid
 * body, then each of its fields (and one element of each list field) set in turn to each
 * value that no field of that kind takes. Every case must be refused naming its field,
 * and change nothing.
 */
public final class HostileInput {

	/**
	 * JSON values that no field takes, whatever its kind: text that PostgreSQL cannot
	 * store (U+0000, lone surrogates), whole numbers beyond 64 bits, fractions, numbers
	 * beyond a double's range, and objects.
	 */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static final List<String> ANY_FIELD = List.of("\"\\u0000\"", "\"buy\\u0000milk\"", "\"milk\\u0000\"",
			"\"\\ud800\"", "\"a\\udc00b\"", "\"\\udc00\\ud800\"", "9223372036854775808", "-9223372036854775809",
			"18446744073709551616", "123456789012345678901234567890", "1.5", "1e400", "-1e400", "{}",
			"{\"\\u0000\":1}");

	private HostileInput() {
	}

	/**
	 * The cases for one function.
	 * @param function the function, as the test sends it
	 * @param valid a valid body: each field's name and JSON value, in order
	 * @param fields the fields to set to hostile values, with their kinds
	 * @return one case per field and value
	 */
	public static Stream<Case> cases(String function, Map<String, String> valid, Map<String, Kind> fields) {
		List<Case> cases = new ArrayList<>();
		fields.forEach((field, kind) -> {
			for (String value : kind.hostileValues()) {
				cases.add(new Case(function, body(valid, field, value), field));
			}
			if (kind == Kind.TEXT_LIST) {
				for (String value : ANY_FIELD) {
					cases.add(new Case(function, body(valid, field, "[\"ok\"," + value + "]"), field));
				}
			}
		});
		return cases.stream();
	}

	private static String body(Map<String, String> valid, String field, String value) {
		Map<String, String> body = new LinkedHashMap<>(valid);
		body.put(field, value);
		return body.entrySet()
			.stream()
			.map((entry) -> "\"" + entry.getKey() + "\":" + entry.getValue())
			.collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * Whether a refusal names a field: the field itself, or a place inside it such as
	 * {@code tags[1]}.
	 * @param named the field the refusal names
	 * @param field the field the case made hostile
	 * @return whether it is that field
	 */
	public static boolean names(String named, String field) {
		return named != null && (named.equals(field) || named.startsWith(field + "[") || named.startsWith(field + "."));
	}

	/**
	 * Asserts what a user must get for a hostile case: a 400 problem+json naming the
	 * field.
	 * @param answer the function's answer
	 * @param body what was sent
	 * @param field the field the case made hostile
	 */
	public static void assertRefused(EntityExchangeResult<String> answer, String body, String field) {
		String seen = answer.getStatus() + " " + answer.getResponseBody();
		assertThat(answer.getStatus().value()).as("%s answered %s", body, seen).isEqualTo(400);
		assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		String named = JSON.readTree(answer.getResponseBody()).path("field").asString();
		assertThat(names(named, field)).as("%s answered %s", body, seen).isTrue();
	}

	/** What a field holds, and so which further values it refuses. */
	public enum Kind {

		TEXT(),

		/** A list of texts; its elements are made hostile too. */
		TEXT_LIST(),

		WHOLE_NUMBER("\"5\"", "true", "[1]"),

		/** One of a few names: not a number, not a position among the names. */
		NAME("0", "1", "2", "-1", "\"\\u0000high\""),

		/** A day as {@code YYYY-MM-DD}, nothing longer, shorter or counted. */
		DATE("\"+999999999-12-31\"", "\"+10000-01-01\"", "\"-0001-01-01\"", "\"2030-12-31T00:00:00Z\"", "\"2030-1-1\"",
				"20301231", "[2030,12,31]", "\"\\u00002030-12-31\""),

		/** A time of day as {@code HH:mm}. */
		TIME("\"24:00\"", "\"9:00\"", "\"09:00+02:00\"", "\"2030-12-31T09:00\"", "900", "[9,0]", "\"\\u000009:00\""),

		/** An instant: a date and time with its offset, as ISO-8601 writes it. */
		INSTANT("\"2030-12-31\"", "\"2030-12-31T09:00:00\"", "\"+1000000000-01-01T00:00:00Z\"", "1893456000",
				"\"\\u00002030-12-31T09:00:00Z\""),

		BOOLEAN("1", "\"true\""),

		UUID("\"not-a-uuid\"", "12345", "\"00000000-0000-0000-0000-00000000000\\u0000\"");

		private final List<String> extra;

		Kind(String... extra) {
			this.extra = List.of(extra);
		}

		/**
		 * The values a field of this kind refuses.
		 * @return JSON values
		 */
		public List<String> hostileValues() {
			return Stream.concat(ANY_FIELD.stream(), this.extra.stream()).toList();
		}

	}

	/**
	 * One hostile request.
	 *
	 * @param function the function it is sent to
	 * @param body the JSON body
	 * @param field the field made hostile, which the refusal must name
	 */
	public record Case(String function, String body, String field) {

		@Override
		public String toString() {
			return this.function + " " + this.body;
		}

	}

}
