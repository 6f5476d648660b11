package dev.todobot.core.user;

/**
 * The user a verified bearer token stands for. The only source of a user id for every
 * call after sign-in: ids never come from a request body.
 */
public record AuthenticatedUser(long id, String email) {

}
