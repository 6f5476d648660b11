package dev.todobot.chat.offline;

import java.util.Locale;
import java.util.Set;

/**
 * The verbs a to-do usually starts with ("call mom tomorrow", "buy a gift for Sara"): a
 * message that starts with one and is no other command is a task to add, and in "call the
 * vet and book a haircut" each part that starts with one is a task of its own.
 */
final class ActionVerbs {

	private static final Set<String> VERBS = Set.of("apply", "arrange", "ask", "bake", "book", "bring", "buy", "call",
			"cancel", "charge", "clean", "clear", "collect", "confirm", "contact", "cook", "do", "drop", "email",
			"e-mail", "feed", "file", "fill", "finish", "fix", "get", "go", "grab", "hang", "install", "invite", "iron",
			"learn", "mail", "meet", "message", "mop", "mow", "order", "organise", "organize", "pack", "paint", "pay",
			"phone", "pick", "plan", "post", "practice", "practise", "prepare", "print", "read", "register", "renew",
			"repair", "replace", "reply", "reserve", "return", "review", "ring", "schedule", "send", "sell", "sign",
			"sort", "start", "study", "submit", "take", "text", "tidy", "visit", "vacuum", "walk", "wash", "water",
			"watch", "write");

	private ActionVerbs() {
	}

	static boolean startsWithOne(String text) {
		String first = text.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
		return VERBS.contains(first);
	}

}
