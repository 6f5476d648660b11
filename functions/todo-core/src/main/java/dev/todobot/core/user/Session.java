package dev.todobot.core.user;

/**
 * A signed-in user and the bearer token that stands for them.
 */
public record Session(String token, UserView user) {

}
