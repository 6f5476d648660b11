package dev.todobot.mcp.tool;

/**
 * What a tool call does to the caller's todo list, as MCP's tool annotations hint it to
 * clients.
 */
enum ToolEffect {

	/** Only reads; calling it again gives the same answer while nothing else changes. */
	READS(true, false, true),

	/** Adds something new on every call. */
	ADDS(false, false, false),

	/** Changes a task without losing anything; calling it again changes nothing more. */
	CHANGES(false, false, true),

	/** Overwrites or removes what was there; calling it again changes nothing more. */
	OVERWRITES(false, true, true);

	private final boolean readOnly;

	private final boolean destructive;

	private final boolean idempotent;

	ToolEffect(boolean readOnly, boolean destructive, boolean idempotent) {
		this.readOnly = readOnly;
		this.destructive = destructive;
		this.idempotent = idempotent;
	}

	boolean readOnly() {
		return this.readOnly;
	}

	boolean destructive() {
		return this.destructive;
	}

	boolean idempotent() {
		return this.idempotent;
	}

}
