package dev.todobot.todoctl.ask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.todobot.todoctl.app.TodoApp;

/**
 * Maps a request in plain words to todoctl commands with fixed rules, offline. It knows
 * the app's services by their synonyms ("the chatbot" is chat, "the frontend" is web,
 * "everything" is all of them), reads numbers as digits or as words from zero to ten, and
 * refuses whatever would delete something, is ambiguous, or is not a todoctl command.
 */
public final class IntentParser {

	/** A natural-language front end should not start a hundred pods on a misreading. */
	private static final int MOST_PODS = 100;

	private static final Map<String, String> SERVICES = synonyms();

	private static final Set<String> ALL = Set.of("everything", "all", "app", "apps", "services", "functions", "whole",
			"every");

	private static final Set<String> DESTRUCTIVE = Set.of("delete", "remove", "drop", "destroy", "wipe", "erase",
			"purge", "uninstall", "truncate", "kill", "nuke", "reset", "rm", "terminate");

	private static final Set<String> STOPPING = Set.of("stop", "shutdown", "disable", "off");

	private static final Set<String> DATA = Set.of("database", "databases", "db", "postgres", "postgresql", "neon",
			"table", "tables", "schema", "data");

	private static final Set<String> SCALING = Set.of("scale", "scaled", "scaling", "resize", "warm", "sleep", "asleep",
			"idle", "replica", "replicas", "instance", "instances", "min", "minimum", "max", "maximum");

	private static final Set<String> SLEEP = Set.of("sleep", "asleep", "idle");

	private static final Set<String> POD_WORDS = Set.of("pod", "pods", "replica", "replicas", "instance", "instances",
			"copies", "copy");

	private static final Set<String> COUNT_VERBS = Set.of("keep", "run", "set", "give", "want", "need", "have", "use");

	private static final List<String> MAX_PHRASES = List.of("at most", "no more than", "up to", "max", "maximum",
			"limit", "cap", "ceiling");

	private static final List<String> MIN_PHRASES = List.of("at least", "min", "minimum", "no fewer than");

	private static final Set<String> DIAGNOSE = Set.of("why", "fail", "fails", "failing", "failed", "failure", "broken",
			"wrong", "error", "errors", "down", "crash", "crashes", "crashing", "crashed", "diagnose", "diagnosis",
			"doctor", "health", "healthy", "unhealthy", "problem", "problems", "issue", "issues", "debug", "sick", "ok",
			"okay", "fine", "working", "slow");

	private static final Set<String> STATUS = Set.of("status", "running", "show", "list", "overview", "state", "up",
			"alive", "deployed", "url", "urls", "revision", "revisions", "traffic", "pods", "many", "what", "which",
			"where");

	private static final List<String> EXAMPLES = List.of("todoctl status                  # what's running?",
			"todoctl doctor                  # why is chat failing?",
			"todoctl scale chat --min 3      # scale chat to 3",
			"todoctl scale all --min 0       # let everything sleep when idle");

	/**
	 * Maps a request to a plan or a refusal.
	 * @param request the request in plain words
	 * @return the plan, or why not with the closest commands
	 */
	public Intent parse(String request) {
		Words words = Words.of((request != null) ? request : "");
		if (words.isEmpty()) {
			return new Intent.Refusal("There is nothing to do in an empty request.", EXAMPLES);
		}
		List<String> services = services(words);
		if (words.hasAny(DESTRUCTIVE) || words.has("shut down") || words.has("turn off") || words.hasAny(STOPPING)) {
			return refuseDestructive(words, services);
		}
		if (isScaling(words)) {
			return scale(words, services);
		}
		if (words.hasAny(DIAGNOSE) || words.hasAny(DATA)) {
			return new Intent.Plan(List.of(List.of("doctor")),
					"Runs the health analysis of every service and of Knative (read-only).", false);
		}
		if (words.hasAny(STATUS) || !services.isEmpty()) {
			return new Intent.Plan(List.of(List.of("status")),
					"Shows each service's readiness, URL, revision, traffic, pods and scale, and whether the Broker, Triggers and PingSource are Ready (read-only).",
					false);
		}
		return new Intent.Refusal("I do not know how to do \"" + request.strip() + "\".", EXAMPLES);
	}

	private static boolean isScaling(Words words) {
		if (words.hasAny(SCALING)) {
			return true;
		}
		// "run 3 chat pods", "I want two replicas of the frontend"
		boolean counted = false;
		for (int i = 0; i < words.size(); i++) {
			counted |= words.number(i) != null;
		}
		return counted && (words.hasAny(POD_WORDS) || words.hasAny(COUNT_VERBS));
	}

	private static Intent scale(Words words, List<String> services) {
		if (services.isEmpty()) {
			return new Intent.Refusal("Which service? Name one of todo, mcp, chat, web, or everything.",
					List.of("todoctl scale <todo|mcp|chat|web|all> --min N [--max M]", "todoctl status"));
		}
		String target = describe(services);
		if (words.hasAny(SLEEP)) {
			return scalePlan(services, 0, maxOf(words, new Numbers(words)));
		}
		Numbers numbers = new Numbers(words);
		if (numbers.anyNegative()) {
			return new Intent.Refusal("A number of pods cannot be negative.",
					List.of(command(services, 0, null) + "   # lets " + target + " sleep when idle",
							command(services, 1, null) + "   # keeps one pod of " + target + " warm"));
		}
		Integer max = maxOf(words, numbers);
		Integer min = minOf(words, numbers);
		if (min == null && words.has("warm")) {
			min = 1;
		}
		if (min == null) {
			String reason = (max != null) ? "How many pods of " + target + " should stay warm? todoctl needs a minimum."
					: "How many pods of " + target + "? Say a number, such as \"scale " + services.get(0) + " to 2\".";
			return new Intent.Refusal(reason, List.of(command(services, 1, max) + "   # keeps one pod warm",
					command(services, 0, max) + "   # lets it sleep when idle"));
		}
		if (min > MOST_PODS || (max != null && max > MOST_PODS)) {
			return new Intent.Refusal("More than " + MOST_PODS + " pods is more than todoctl ask will plan;"
					+ " type the command yourself if you mean it.", List.of(command(services, min, max)));
		}
		if (max != null && max != 0 && max < Math.max(min, 1)) {
			return new Intent.Refusal("At most " + max + " cannot be fewer than at least " + min + ".",
					List.of(command(services, min, Math.max(min, 1))));
		}
		return scalePlan(services, min, max);
	}

	private static Intent.Plan scalePlan(List<String> services, int min, Integer max) {
		List<List<String>> commands = new ArrayList<>();
		for (String service : collapse(services)) {
			List<String> command = new ArrayList<>(List.of("scale", service, "--min", String.valueOf(min)));
			if (max != null) {
				command.addAll(List.of("--max", String.valueOf(max)));
			}
			commands.add(command);
		}
		String what = (min == 0) ? "lets " + describe(services) + " scale to zero when idle"
				: "keeps " + min + " pod" + ((min == 1) ? "" : "s") + " of " + describe(services) + " warm";
		String limit = (max == null) ? "" : (max == 0) ? ", with no upper limit" : ", at most " + max;
		return new Intent.Plan(commands,
				"Sets autoscaling.knative.dev/min-scale=" + min + ((max != null) ? " and max-scale=" + max : "")
						+ " on the revision template: " + what + limit + ". Knative rolls out a new revision.",
				true);
	}

	private static Intent refuseDestructive(Words words, List<String> services) {
		if (words.hasAny(DATA)) {
			return new Intent.Refusal("todoctl never changes the database, let alone drops it.",
					List.of("todoctl doctor   # checks that each function reaches the database", "todoctl status"));
		}
		List<String> suggestions = new ArrayList<>();
		if (!services.isEmpty()) {
			suggestions.add(command(services, 0, null) + "   # " + describe(services)
					+ " sleeps when idle and wakes on the next request");
		}
		suggestions.add("todoctl status");
		return new Intent.Refusal("todoctl does not delete, stop or reset anything; it reads and scales.", suggestions);
	}

	/**
	 * The services a request names, in the app's order; a named service wins over
	 * "everything".
	 */
	private static List<String> services(Words words) {
		Set<String> named = new TreeSet<>(Comparator.comparing(TodoApp.SERVICES::indexOf));
		SERVICES.forEach((phrase, service) -> {
			if (words.has(phrase)) {
				named.add(service);
			}
		});
		if (named.isEmpty() && words.hasAny(ALL)) {
			return TodoApp.SERVICES;
		}
		return List.copyOf(named);
	}

	private static Integer maxOf(Words words, Numbers numbers) {
		for (String phrase : MAX_PHRASES) {
			for (int start : words.find(phrase)) {
				// "scale chat up to 5" is a target, not a limit
				if ("up to".equals(phrase) && "up".equals(words.get(start)) && precededByScale(words, start)) {
					continue;
				}
				Integer number = numbers.after(start + phrase.split(" ").length);
				if (number != null) {
					return numbers.take(number);
				}
			}
		}
		List<Integer> free = numbers.free();
		if (free.size() >= 2 && words.has("between")) {
			return numbers.take(free.get(1));
		}
		// "1 to 3 pods" is a range, while "from 1 to 3" names the old and the new value
		for (int i = 0; i + 1 < free.size(); i++) {
			if (free.get(i + 1) == free.get(i) + 2 && "to".equals(words.get(free.get(i) + 1)) && !words.has("from")) {
				return numbers.take(free.get(i + 1));
			}
		}
		return null;
	}

	private static Integer minOf(Words words, Numbers numbers) {
		for (String phrase : MIN_PHRASES) {
			for (int start : words.find(phrase)) {
				Integer number = numbers.after(start + phrase.split(" ").length);
				if (number != null) {
					return numbers.take(number);
				}
			}
		}
		List<Integer> free = numbers.free();
		if (free.size() == 1 || (free.size() > 1 && words.has("from"))) {
			// "scale chat from 1 to 3" means the new value, the last one
			return numbers.take(free.get(free.size() - 1));
		}
		return free.isEmpty() ? null : numbers.take(free.get(0));
	}

	private static boolean precededByScale(Words words, int index) {
		return "scale".equals(words.get(index - 1)) || "scale".equals(words.get(index - 2))
				|| "scale".equals(words.get(index - 3));
	}

	/** All of the app's services are one command: {@code scale all}. */
	private static List<String> collapse(List<String> services) {
		return services.equals(TodoApp.SERVICES) ? List.of(TodoApp.ALL) : services;
	}

	private static String command(List<String> services, int min, Integer max) {
		return String.join(" && ", collapse(services).stream()
			.map((service) -> "todoctl scale " + service + " --min " + min + ((max != null) ? " --max " + max : ""))
			.toList());
	}

	private static String describe(List<String> services) {
		return services.equals(TodoApp.SERVICES) ? "every service" : String.join(" and ", services);
	}

	private static Map<String, String> synonyms() {
		Map<String, String> synonyms = new LinkedHashMap<>();
		List.of("todo", "todos", "task", "tasks", "task api", "todo api").forEach((s) -> synonyms.put(s, "todo"));
		List.of("mcp", "tool", "tools", "tool server", "mcp server").forEach((s) -> synonyms.put(s, "mcp"));
		List.of("chat", "chatbot", "chat bot", "bot", "agent", "assistant").forEach((s) -> synonyms.put(s, "chat"));
		List.of("web", "frontend", "front end", "ui", "website", "site", "webapp", "web app")
			.forEach((s) -> synonyms.put(s, "web"));
		return synonyms;
	}

	/**
	 * The numbers of a request by position; each is used once, as a limit or as the
	 * target.
	 */
	private static final class Numbers {

		private final Map<Integer, Integer> byPosition = new LinkedHashMap<>();

		Numbers(Words words) {
			for (int i = 0; i < words.size(); i++) {
				Integer number = words.number(i);
				if (number != null) {
					this.byPosition.put(i, number);
				}
			}
		}

		boolean anyNegative() {
			return this.byPosition.values().stream().anyMatch((number) -> number < 0);
		}

		/**
		 * The position of the first number at or after a position, skipping "pods" and
		 * the like.
		 */
		Integer after(int position) {
			return this.byPosition.keySet()
				.stream()
				.filter((p) -> p >= position && p <= position + 1)
				.findFirst()
				.orElse(null);
		}

		List<Integer> free() {
			return List.copyOf(this.byPosition.keySet());
		}

		int take(int position) {
			return this.byPosition.remove(position);
		}

	}

}
