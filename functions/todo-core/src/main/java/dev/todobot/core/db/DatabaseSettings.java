package dev.todobot.core.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the PostgreSQL database is and how to log in. Read from {@code DATABASE_URL}, as
 * Neon gives it ({@code postgres://user:pw@host/db?sslmode=require}) or as a JDBC URL, or
 * else from {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER},
 * {@code DB_PASSWORD} and {@code DB_SSLMODE}.
 *
 * @param sslMode a libpq {@code sslmode}: disable, allow, prefer, require, verify-ca or
 * verify-full
 */
public record DatabaseSettings(String host, int port, String database, String user, String password, String sslMode) {

	private static final int DEFAULT_PORT = 5432;

	public DatabaseSettings {
		requireText(host, "host");
		requireText(database, "database");
		requireText(user, "user");
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("database port must be between 1 and 65535, not " + port);
		}
		sslMode = (sslMode == null || sslMode.isBlank()) ? "prefer" : sslMode;
	}

	/**
	 * Reads the settings from environment-style variables.
	 * @param env looks a variable up, returning {@code null} when it is not set
	 * @return the settings
	 * @throws IllegalArgumentException when neither {@code DATABASE_URL} nor
	 * {@code DB_HOST} describe a database, or the URL cannot be read
	 */
	public static DatabaseSettings fromEnvironment(UnaryOperator<String> env) {
		String url = env.apply("DATABASE_URL");
		if (url != null && !url.isBlank()) {
			return fromUrl(url.trim());
		}
		String host = env.apply("DB_HOST");
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("Set DATABASE_URL, or DB_HOST with DB_NAME, DB_USER and DB_PASSWORD");
		}
		String port = env.apply("DB_PORT");
		return new DatabaseSettings(host, (port == null || port.isBlank()) ? DEFAULT_PORT : parsePort(port),
				Objects.requireNonNullElse(env.apply("DB_NAME"), "postgres"),
				Objects.requireNonNullElse(env.apply("DB_USER"), "postgres"), env.apply("DB_PASSWORD"),
				env.apply("DB_SSLMODE"));
	}

	/**
	 * Reads a {@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql://}
	 * URL.
	 * @param url the URL
	 * @return the settings
	 */
	public static DatabaseSettings fromUrl(String url) {
		String plain = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
		URI uri;
		try {
			uri = URI.create(plain);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("DATABASE_URL is not a valid URL", ex);
		}
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalArgumentException(
					"DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
		}
		Map<String, String> query = queryParameters(uri.getRawQuery());
		String user = query.get("user");
		String password = query.get("password");
		if (uri.getRawUserInfo() != null) {
			String[] userInfo = uri.getRawUserInfo().split(":", 2);
			user = decode(userInfo[0]);
			password = (userInfo.length > 1) ? decode(userInfo[1]) : password;
		}
		String path = (uri.getPath() == null) ? "" : uri.getPath();
		String database = path.startsWith("/") ? path.substring(1) : path;
		return new DatabaseSettings(uri.getHost(), (uri.getPort() == -1) ? DEFAULT_PORT : uri.getPort(),
				database.isEmpty() ? "postgres" : database, user, password, query.get("sslmode"));
	}

	/**
	 * The JDBC URL for tools that use JDBC (Flyway); credentials are passed separately.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.database + "?sslmode=" + this.sslMode;
	}

	@Override
	public String toString() {
		return "DatabaseSettings[" + this.user + "@" + this.host + ":" + this.port + "/" + this.database + ", sslmode="
				+ this.sslMode + "]";
	}

	private static Map<String, String> queryParameters(String rawQuery) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				String[] keyValue = pair.split("=", 2);
				parameters.put(decode(keyValue[0]), (keyValue.length > 1) ? decode(keyValue[1]) : "");
			}
		}
		return parameters;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static int parsePort(String port) {
		try {
			return Integer.parseInt(port.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("DB_PORT must be a number, not '" + port + "'", ex);
		}
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("database " + name + " is missing");
		}
	}

}
