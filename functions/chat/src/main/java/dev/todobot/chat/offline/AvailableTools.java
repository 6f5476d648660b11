package dev.todobot.chat.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools a request offers. The model calls only these, and leaves out optional
 * arguments a tool does not declare, so that a narrower tool still gets a valid call.
 */
final class AvailableTools {

	private final Map<String, ToolSpecification> specifications = new LinkedHashMap<>();

	AvailableTools(List<ToolSpecification> specifications) {
		if (specifications != null) {
			specifications.forEach((specification) -> this.specifications.put(specification.name(), specification));
		}
	}

	boolean has(String name) {
		return this.specifications.containsKey(name);
	}

	/**
	 * Drops the arguments the tool's schema neither declares nor requires; a tool without
	 * declared properties gets all of them.
	 * @param name an available tool
	 * @param arguments the arguments the model would send
	 * @return the same node, trimmed
	 */
	ObjectNode fit(String name, ObjectNode arguments) {
		JsonObjectSchema schema = this.specifications.get(name).parameters();
		if (schema == null || schema.properties() == null || schema.properties().isEmpty()) {
			return arguments;
		}
		List<String> required = (schema.required() != null) ? schema.required() : List.of();
		List<String> undeclared = arguments.propertyNames()
			.stream()
			.filter((field) -> !schema.properties().containsKey(field) && !required.contains(field))
			.toList();
		return arguments.remove(undeclared);
	}

}
