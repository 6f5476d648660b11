package dev.todobot.core.db;

import java.util.List;

/**
 * The entity classes a function app maps. The todo-core defaults are tasks and users; an
 * app that stores something else declares its own bean.
 *
 * @param classes the annotated entity classes
 */
public record PersistentEntities(List<Class<?>> classes) {

	public PersistentEntities {
		if (classes == null || classes.isEmpty()) {
			throw new IllegalArgumentException("classes must name at least one entity");
		}
		classes = List.copyOf(classes);
	}

}
