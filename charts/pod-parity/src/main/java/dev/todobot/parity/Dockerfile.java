package dev.todobot.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read the way the builder reads it: comments dropped, continuation lines
 * joined, instructions grouped into stages, and {@code ARG} defaults known for expansion.
 *
 * @param globalArgs the {@code ARG}s before the first {@code FROM} with their defaults
 * @param stages the build stages in order
 */
public record Dockerfile(Map<String, String> globalArgs, List<Stage> stages) {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

	public static Dockerfile read(Path file) {
		try {
			return parse(Files.readAllLines(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Dockerfile parse(List<String> lines) {
		Map<String, String> globalArgs = new LinkedHashMap<>();
		List<Stage> stages = new ArrayList<>();
		for (Instruction instruction : instructions(lines)) {
			if (instruction.keyword().equals("FROM")) {
				String[] words = instruction.arguments().split("\\s+");
				String name = (words.length == 3 && words[1].equalsIgnoreCase("AS")) ? words[2] : null;
				stages.add(new Stage(words[0], name, new ArrayList<>()));
			}
			else if (stages.isEmpty()) {
				if (instruction.keyword().equals("ARG")) {
					String[] nameAndDefault = instruction.arguments().split("=", 2);
					globalArgs.put(nameAndDefault[0], (nameAndDefault.length == 2) ? nameAndDefault[1] : "");
				}
			}
			else {
				stages.get(stages.size() - 1).instructions().add(instruction);
			}
		}
		return new Dockerfile(globalArgs, stages);
	}

	private static List<Instruction> instructions(List<String> lines) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : lines) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			String text = current.toString().strip();
			current.setLength(0);
			if (!text.isEmpty()) {
				String[] keywordAndArguments = text.split("\\s+", 2);
				instructions.add(new Instruction(keywordAndArguments[0].toUpperCase(Locale.ROOT),
						(keywordAndArguments.length == 2) ? keywordAndArguments[1] : ""));
			}
		}
		return instructions;
	}

	public Stage finalStage() {
		return this.stages.get(this.stages.size() - 1);
	}

	/**
	 * The image a stage starts from, with the global {@code ARG} defaults expanded.
	 * @param stage the stage
	 * @return its base image reference
	 */
	public String baseImage(Stage stage) {
		return expand(stage.from(), this.globalArgs);
	}

	public boolean isStageName(String reference) {
		return this.stages.stream().anyMatch((stage) -> reference.equals(stage.name()));
	}

	public static String expand(String text, Map<String, String> args) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(args.getOrDefault(name, matcher.group())));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}

	/**
	 * One stage.
	 *
	 * @param from the {@code FROM} reference as written
	 * @param name the stage's name, or {@code null}
	 * @param instructions the instructions after {@code FROM}
	 */
	public record Stage(String from, String name, List<Instruction> instructions) {

		public List<Instruction> all(String keyword) {
			return this.instructions.stream().filter((instruction) -> instruction.keyword().equals(keyword)).toList();
		}

		public int indexOf(Instruction instruction) {
			return this.instructions.indexOf(instruction);
		}

		/**
		 * The defaults of the stage's {@code ARG}s, overridden by build arguments.
		 * @param buildArgs {@code --build-arg} values
		 * @return the values of the stage's arguments
		 */
		public Map<String, String> args(Map<String, String> buildArgs) {
			Map<String, String> args = new LinkedHashMap<>();
			for (Instruction arg : all("ARG")) {
				String[] nameAndDefault = arg.arguments().split("=", 2);
				args.put(nameAndDefault[0], buildArgs.getOrDefault(nameAndDefault[0],
						(nameAndDefault.length == 2) ? nameAndDefault[1] : ""));
			}
			return args;
		}

	}

	/**
	 * One instruction, continuation lines joined.
	 *
	 * @param keyword the instruction in upper case
	 * @param arguments the rest of the instruction
	 */
	public record Instruction(String keyword, String arguments) {
	}

}
