package dev.todobot.chat.offline;

/**
 * How the user named a task: by its number or by words from its title.
 */
sealed interface TaskRef {

	/**
	 * "task 3", "#3".
	 *
	 * @param id the task's id
	 */
	record ById(long id) implements TaskRef {

	}

	/**
	 * "the milk task": found with {@code list_tasks(query)} first.
	 *
	 * @param words what to look for, never blank
	 */
	record ByWords(String words) implements TaskRef {

		public ByWords {
			if (words == null || words.isBlank()) {
				throw new IllegalArgumentException("words must not be blank");
			}
		}

	}

}
