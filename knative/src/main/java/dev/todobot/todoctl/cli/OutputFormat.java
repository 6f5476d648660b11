package dev.todobot.todoctl.cli;

/**
 * How a command prints its result.
 */
public enum OutputFormat {

	TABLE, JSON, YAML

}
