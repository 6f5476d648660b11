package dev.todobot.core.web;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.error.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Reads request bodies strictly and writes answers. A body of the wrong shape becomes an
 * {@link InvalidInputException} that names the field and what it should hold: no silent
 * coercion of numbers to text or text to numbers, no unknown fields.
 */
public class JsonBodies {

	private final JsonMapper mapper;

	public JsonBodies() {
		this.mapper = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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
		catch (DatabindException ex) {
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
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		if (ex instanceof InvalidFormatException) {
			return "of another form";
		}
		return "an object";
	}

	private static String field(DatabindException ex) {
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

}
