package dev.todobot.todoctl.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A plain text table with left-aligned columns, the way kubectl prints lists.
 */
public final class Table {

	private static final String GAP = "   ";

	private final List<String> headers;

	private final List<List<String>> rows = new ArrayList<>();

	private Table(List<String> headers) {
		this.headers = headers;
	}

	public static Table of(String... headers) {
		if (headers.length == 0) {
			throw new IllegalArgumentException("headers must not be empty");
		}
		return new Table(List.of(headers));
	}

	/**
	 * Adds a row; {@code null} cells print as {@code -}.
	 * @param cells one cell per header
	 * @return this table
	 */
	public Table row(Object... cells) {
		if (cells.length != this.headers.size()) {
			throw new IllegalArgumentException(
					"cells must have " + this.headers.size() + " values, not " + cells.length);
		}
		this.rows.add(Arrays.stream(cells).map((cell) -> Objects.toString(cell, "-")).toList());
		return this;
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	public String render() {
		int[] widths = new int[this.headers.size()];
		for (List<String> line : lines()) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], line.get(i).length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (List<String> line : lines()) {
			StringBuilder row = new StringBuilder();
			for (int i = 0; i < widths.length; i++) {
				row.append((i < widths.length - 1) ? pad(line.get(i), widths[i]) + GAP : line.get(i));
			}
			text.append(row.toString().stripTrailing()).append('\n');
		}
		return text.toString();
	}

	private List<List<String>> lines() {
		List<List<String>> lines = new ArrayList<>();
		lines.add(this.headers);
		lines.addAll(this.rows);
		return lines;
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(width - text.length());
	}

}
