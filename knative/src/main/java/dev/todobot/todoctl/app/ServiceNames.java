package dev.todobot.todoctl.app;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The names a command accepts for a service: each of the app's services, or {@code all}.
 * Also the candidates for shell completion.
 */
public final class ServiceNames implements Iterable<String> {

	@Override
	public Iterator<String> iterator() {
		List<String> names = new ArrayList<>(TodoApp.SERVICES);
		names.add(TodoApp.ALL);
		return names.iterator();
	}

	/**
	 * The services a name stands for.
	 * @param name a service name or {@code all}
	 * @return the services, in the app's order
	 * @throws IllegalArgumentException when the name is neither
	 */
	public static List<String> resolve(String name) {
		if (TodoApp.ALL.equals(name)) {
			return TodoApp.SERVICES;
		}
		if (TodoApp.SERVICES.contains(name)) {
			return List.of(name);
		}
		throw new IllegalArgumentException(
				"unknown service '" + name + "': use one of " + String.join(", ", new ServiceNames()));
	}

}
