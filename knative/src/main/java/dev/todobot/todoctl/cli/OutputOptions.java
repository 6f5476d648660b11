package dev.todobot.todoctl.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import picocli.CommandLine.Option;

/**
 * The {@code -o} option shared by every command that prints a result.
 */
public class OutputOptions {

	private static final ObjectMapper JSON = JsonMapper.builder()
		.serializationInclusion(JsonInclude.Include.NON_NULL)
		.defaultPrettyPrinter(kubectlStyle())
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private static final ObjectMapper YAML = YAMLMapper
		.builder(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build())
		.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
		.serializationInclusion(JsonInclude.Include.NON_NULL)
		.build();

	@Option(names = { "-o", "--output" }, defaultValue = "table", paramLabel = "FORMAT",
			completionCandidates = FormatNames.class,
			description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
	private OutputFormat format;

	public OutputFormat format() {
		return this.format;
	}

	/**
	 * Prints a result: as JSON or YAML when asked, otherwise as the given text.
	 * @param out where to print
	 * @param data the result, serialized as it is for JSON and YAML
	 * @param text the human-readable rendering, ending with a new line
	 */
	public void print(PrintWriter out, Object data, String text) {
		switch (this.format) {
			case JSON -> out.println(write(JSON, data));
			case YAML -> out.print(write(YAML, data));
			case TABLE -> out.print(text);
		}
		out.flush();
	}

	/**
	 * The option as todoctl arguments, to pass on to a command run on someone's behalf.
	 * @return the arguments, empty for the default format
	 */
	public List<String> asArguments() {
		return (this.format == OutputFormat.TABLE) ? List.of() : List.of("-o", this.format.name().toLowerCase());
	}

	/**
	 * Two-space indents, arrays on their own lines and {@code "key": value}, as kubectl
	 * prints.
	 */
	private static DefaultPrettyPrinter kubectlStyle() {
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
				Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
		printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
		return printer;
	}

	private static String write(ObjectMapper mapper, Object data) {
		try {
			return mapper.writeValueAsString(data);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot serialize " + data.getClass().getSimpleName(), ex);
		}
	}

	/** The formats as they are typed, for the help and shell completion. */
	static final class FormatNames implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			return Arrays.stream(OutputFormat.values()).map((format) -> format.name().toLowerCase()).iterator();
		}

	}

}
