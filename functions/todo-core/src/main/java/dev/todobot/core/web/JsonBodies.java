package dev.todobot.core.web;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.error.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Reads request bodies strictly and writes answers. A body of the wrong shape becomes an
 * {@link InvalidInputException} that names the field and what it should hold: no silent
 * coercion of numbers to text or text to numbers, no numbers for names, no unknown
 * fields, no number beyond its type's range, no text PostgreSQL cannot store. Every
 * function reads its input here (the todo functions, the MCP tools' arguments, chat), so
 * no malformed value gets as far as the database.
 */
public class JsonBodies {

	private final JsonMapper mapper;

	public JsonBodies() {
		this.mapper = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			// a name such as "high", never its position among the names
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			// 1.5 is no task id: never cut a fraction off silently
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.addModule(new SimpleModule("calendar-dates").addDeserializer(LocalDate.class, new CalendarDates())
				.addDeserializer(LocalTime.class, new TimesOfDay())
				.addDeserializer(Instant.class, new Instants()))
			.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
	}

	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Parses a body into a tree; an empty body is an empty object.
	 * @param body the raw bytes
	 * @return the tree
	 * @throws InvalidInputException when it is not a JSON object
	 */
	public JsonNode readTree(byte[] body) {
		if (body == null || body.length == 0 || new String(body).isBlank()) {
			return this.mapper.createObjectNode();
		}
		JsonNode node;
		try {
			node = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("body", "The body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (!node.isObject()) {
			throw new InvalidInputException("body", "The body must be a JSON object");
		}
		return node;
	}

	/**
	 * Converts a tree to a request type, checking field types and running the type's own
	 * checks.
	 * @param <T> the type
	 * @param node the tree
	 * @param type the type
	 * @return the request
	 */
	public <T> T convert(JsonNode node, Class<T> type) {
		checkText(node, "");
		if (type.isRecord()) {
			// records are built only once every field is read: refuse typos before that
			List<String> known = Arrays.stream(type.getRecordComponents()).map(JsonBodies::jsonName).toList();
			for (String name : node.propertyNames()) {
				if (!known.contains(name)) {
					throw new InvalidInputException(name,
							"Unknown field '" + name + "'; known fields are " + String.join(", ", known));
				}
			}
		}
		try {
			return this.mapper.treeToValue(node, type);
		}
		catch (ValueInstantiationException ex) {
			if (ex.getCause() instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException(field(ex), ex.getOriginalMessage());
		}
		catch (UnrecognizedPropertyException ex) {
			throw new InvalidInputException(ex.getPropertyName(), "Unknown field '" + ex.getPropertyName()
					+ "'; known fields are " + String.join(", ", names(ex.getKnownPropertyIds())));
		}
		catch (MismatchedInputException ex) {
			String field = field(ex);
			throw new InvalidInputException(field, field + " must be " + expected(ex.getTargetType(), ex));
		}
		catch (InputCoercionException ex) {
			// a whole number beyond 64 bits (32 for an int), which the parser refuses
			String field = field(ex);
			Class<?> declared = declaredType(type, field);
			throw new InvalidInputException(field,
					field + " must be " + (declared.isEnum() ? expected(declared, null) : inRange(ex.getTargetType())));
		}
		catch (JacksonException ex) {
			throw new InvalidInputException(field(ex), ex.getOriginalMessage());
		}
	}

	/**
	 * Serializes an answer.
	 * @param value the answer
	 * @return UTF-8 JSON
	 */
	public byte[] write(Object value) {
		return this.mapper.writeValueAsBytes(value);
	}

	/**
	 * The name a record component has in JSON: its {@code @JsonProperty} name when it has
	 * one (as in the MCP tools' snake_case arguments), else its own name.
	 */
	private static String jsonName(RecordComponent component) {
		JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
		return (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
	}

	private static String expected(Class<?> type, MismatchedInputException ex) {
		if (type == null) {
			return "of another type";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> constant.toString().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		}
		if (type == String.class) {
			return "text";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == LocalDate.class) {
			return "a date like 2030-12-31";
		}
		if (type == LocalTime.class) {
			return "a time like 09:30";
		}
		if (type == Instant.class) {
			return "an instant like 2030-12-31T09:00:00+01:00";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		if (ex instanceof InvalidFormatException) {
			return "of another form";
		}
		return "an object";
	}

	/**
	 * The type a record declares for a field, which the parser's own target may not be
	 * (it reads a number for a name as an int).
	 */
	private static Class<?> declaredType(Class<?> type, String field) {
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				if (jsonName(component).equals(field)) {
					return component.getType();
				}
			}
		}
		return Object.class;
	}

	private static String inRange(Class<?> type) {
		if (type == Integer.class || type == int.class) {
			return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
		}
		if (type == Long.class || type == long.class) {
			return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
		}
		return expected(type, null);
	}

	/**
	 * Refuses text that PostgreSQL cannot store as it was sent: U+0000, which a
	 * {@code text} column cannot hold at all, and a lone UTF-16 surrogate, which has no
	 * UTF-8 form (the driver would write '?' in its place). Names and values alike, at
	 * any depth.
	 * @param node the tree
	 * @param path where the tree is in the body, empty at the top
	 */
	private static void checkText(JsonNode node, String path) {
		if (node.isString()) {
			checkText(node.stringValue(), path.isEmpty() ? "body" : path);
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String field = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
				checkText(property.getKey(), field);
				checkText(property.getValue(), field);
			}
		}
		else if (node.isArray()) {
			int index = 0;
			for (JsonNode element : node.values()) {
				checkText(element, path + "[" + index++ + "]");
			}
		}
	}

	private static void checkText(String text, String field) {
		if (text.indexOf('\0') >= 0) {
			throw new InvalidInputException(field, field + " must not contain the character U+0000 (NUL)");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new InvalidInputException(field,
						field + " must be Unicode text, without a lone surrogate such as \\u" + Integer.toHexString(c));
			}
		}
	}

	private static String field(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
		return path.isEmpty() ? "body" : path;
	}

	private static List<String> names(Collection<Object> ids) {
		return ids.stream().map(String::valueOf).sorted().toList();
	}

	/**
	 * Reads a date as the API writes it, {@code YYYY-MM-DD} with a four-digit year (RFC
	 * 3339's full-date). Jackson's own reader also takes a day count, an array, a
	 * date-time (cut to its day), text around the date, and years of up to nine digits,
	 * which the PostgreSQL client cannot store faithfully.
	 */
	private static final class CalendarDates extends ValueDeserializer<LocalDate> {

		private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
			}
			String text = parser.getString();
			if (FULL_DATE.matcher(text).matches()) {
				try {
					return LocalDate.parse(text);
				}
				catch (DateTimeParseException ex) {
					// such as 2030-02-30: refused below
				}
			}
			return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date like 2030-12-31");
		}

	}

	/**
	 * A time of day as {@code HH:mm} (or {@code HH:mm:ss}), nothing else: no seconds
	 * since midnight, no offset.
	 */
	private static final class TimesOfDay extends ValueDeserializer<LocalTime> {

		private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");

		@Override
		public LocalTime deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (LocalTime) context.handleUnexpectedToken(LocalTime.class, parser);
			}
			String text = parser.getString();
			if (TIME.matcher(text).matches()) {
				try {
					return LocalTime.parse(text);
				}
				catch (DateTimeParseException ex) {
					// such as 24:00: refused below
				}
			}
			return (LocalTime) context.handleWeirdStringValue(LocalTime.class, text, "not a time like 09:30");
		}

	}

	/**
	 * An instant as ISO-8601 text with its offset, such as
	 * {@code 2030-12-31T09:00:00+01:00}: never a count of seconds, whose unit a client
	 * can only guess.
	 */
	private static final class Instants extends ValueDeserializer<Instant> {

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			String text = parser.getString();
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				return (Instant) context.handleWeirdStringValue(Instant.class, text,
						"not an instant like 2030-12-31T09:00:00+01:00");
			}
		}

	}

}
