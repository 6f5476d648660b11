package dev.todobot.core.user;

/**
 * A user as clients see it.
 *
 * @param name how to greet them, or {@code null}
 */
public record UserView(long id, String email, String name) {

}
