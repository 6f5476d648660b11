package dev.todobot.core.web;

import dev.todobot.core.user.AuthenticatedUser;

/**
 * A signed-in caller, known from their bearer token only.
 *
 * @param user who they are
 * @param authorization their {@code Authorization} header, to act for them elsewhere
 * (chat calls mcp with it)
 */
public record Caller(AuthenticatedUser user, String authorization) {

}
