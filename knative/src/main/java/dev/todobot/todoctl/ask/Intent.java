package dev.todobot.todoctl.ask;

import java.util.List;

/**
 * What a plain-words request comes down to: a plan of todoctl commands, or a refusal.
 */
public sealed interface Intent permits Intent.Plan, Intent.Refusal {

	/**
	 * todoctl commands that carry out a request, in order.
	 *
	 * @param commands each command's arguments, without the leading {@code todoctl}
	 * @param explanation what the plan does, in a sentence
	 * @param changesCluster whether it changes anything (and so needs confirmation)
	 */
	record Plan(List<List<String>> commands, String explanation, boolean changesCluster) implements Intent {

		public Plan {
			if (commands == null || commands.isEmpty()) {
				throw new IllegalArgumentException("commands must not be empty");
			}
			commands = commands.stream().map(List::copyOf).toList();
		}

		/**
		 * The commands as a person would type them.
		 * @return one line per command, each starting with {@code todoctl}
		 */
		public List<String> commandLines() {
			return this.commands.stream().map((command) -> "todoctl " + String.join(" ", command)).toList();
		}

	}

	/**
	 * A request todoctl will not carry out, with the closest commands it would.
	 *
	 * @param reason why not
	 * @param suggestions complete todoctl command lines, each with a short note
	 */
	record Refusal(String reason, List<String> suggestions) implements Intent {

		public Refusal {
			if (reason == null || reason.isBlank()) {
				throw new IllegalArgumentException("reason must not be blank");
			}
			suggestions = List.copyOf(suggestions);
		}

	}

}
