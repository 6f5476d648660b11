package dev.todobot.core.db;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the PostgreSQL database is and how to log in. Read from {@code DATABASE_URL}, as
 * Neon gives it ({@code postgres://user:pw@host/db?sslmode=require}) or as a JDBC URL, or
 * else from {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER},
 * {@code DB_PASSWORD}, {@code DB_SSLMODE} and {@code DB_SSLROOTCERT}.
 * <p>
 * TLS follows libpq: {@code require} encrypts without checking the certificate (unless
 * {@code sslrootcert} names CAs, then it checks the chain as {@code verify-ca} does),
 * {@code verify-ca} checks that a trusted CA signed it, and {@code verify-full} also that
 * it names the host. The trusted CAs are the PEM file {@code sslrootcert} names, or else
 * the JVM's trust store (the public CAs, as Neon's certificates need); libpq's
 * {@code sslrootcert=system} asks for the latter explicitly.
 *
 * @param sslMode a libpq {@code sslmode}: disable, allow, prefer, require, verify-ca or
 * verify-full
 * @param sslRootCert a PEM file of the CAs to trust, {@code system} or {@code null} for
 * the JVM's trust store
 */
public record DatabaseSettings(String host, int port, String database, String user, String password, String sslMode,
		String sslRootCert) {

	private static final int DEFAULT_PORT = 5432;

	/** The {@code sslrootcert} value that asks for the system's CAs, as in libpq. */
	static final String SYSTEM_ROOT_CERT = "system";

	private static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca",
			"verify-full");

	public DatabaseSettings {
		requireText(host, "host");
		// a URL brackets an IPv6 address; the host is the address itself, as the pool
		// and the TLS host name check take it
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		requireText(database, "database");
		requireText(user, "user");
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("database port must be between 1 and 65535, not " + port);
		}
		sslMode = (sslMode == null || sslMode.isBlank()) ? "prefer" : sslMode.trim();
		if (!SSL_MODES.contains(sslMode)) {
			throw new IllegalArgumentException(
					"database sslmode must be one of " + String.join(", ", SSL_MODES) + ", not '" + sslMode + "'");
		}
		sslRootCert = (sslRootCert == null || sslRootCert.isBlank()) ? null : sslRootCert.trim();
	}

	/**
	 * Settings that trust the JVM's CAs, if the mode checks certificates at all.
	 */
	public DatabaseSettings(String host, int port, String database, String user, String password, String sslMode) {
		this(host, port, database, user, password, sslMode, null);
	}

	/**
	 * An embedded PostgreSQL on this machine, as devstack, the benchmark, the AOT
	 * training and the tests start it: its {@code postgres} database and superuser,
	 * without TLS.
	 * @param port the port it listens on
	 * @return the settings
	 */
	public static DatabaseSettings embedded(int port) {
		return new DatabaseSettings("localhost", port, "postgres", "postgres", "postgres", "disable");
	}

	/**
	 * Whether the server's certificate chain is checked against trusted CAs.
	 * @return whether it is
	 */
	public boolean verifiesCertificate() {
		return this.sslMode.startsWith("verify-") || ("require".equals(this.sslMode) && caFile() != null);
	}

	/**
	 * Whether the server's certificate must also name the host.
	 * @return whether it must
	 */
	public boolean verifiesHostName() {
		return "verify-full".equals(this.sslMode);
	}

	/**
	 * The PEM file of trusted CAs, when the JVM's are not the ones to trust.
	 * @return the file, or {@code null}
	 */
	public String caFile() {
		return (this.sslRootCert == null || SYSTEM_ROOT_CERT.equals(this.sslRootCert)) ? null : this.sslRootCert;
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
			return fromUrl(url.trim(), env.apply("DB_SSLROOTCERT"));
		}
		String host = env.apply("DB_HOST");
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("Set DATABASE_URL, or DB_HOST with DB_NAME, DB_USER and DB_PASSWORD");
		}
		String port = env.apply("DB_PORT");
		return new DatabaseSettings(host, (port == null || port.isBlank()) ? DEFAULT_PORT : parsePort(port),
				Objects.requireNonNullElse(env.apply("DB_NAME"), "postgres"),
				Objects.requireNonNullElse(env.apply("DB_USER"), "postgres"), env.apply("DB_PASSWORD"),
				env.apply("DB_SSLMODE"), env.apply("DB_SSLROOTCERT"));
	}

	/**
	 * Reads a {@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql://}
	 * URL.
	 * @param url the URL
	 * @return the settings
	 */
	public static DatabaseSettings fromUrl(String url) {
		return fromUrl(url, null);
	}

	private static DatabaseSettings fromUrl(String url, String sslRootCert) {
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
				database.isEmpty() ? "postgres" : database, user, password, query.get("sslmode"),
				query.getOrDefault("sslrootcert", sslRootCert));
	}

	/**
	 * The settings as the {@code DATABASE_URL} a function reads ({@link #fromUrl}), for a
	 * process started with them; it holds the password, so it is not for logs.
	 * @return the URL
	 */
	public String url() {
		StringBuilder url = new StringBuilder("postgres://").append(encode(this.user));
		if (this.password != null) {
			url.append(':').append(encode(this.password));
		}
		url.append('@')
			.append(urlHost())
			.append(':')
			.append(this.port)
			.append('/')
			.append(encode(this.database))
			.append("?sslmode=")
			.append(this.sslMode);
		if (this.sslRootCert != null) {
			url.append("&sslrootcert=").append(encode(this.sslRootCert));
		}
		return url.toString();
	}

	/**
	 * The JDBC URL for tools that use JDBC (Flyway); credentials are passed separately.
	 * pgjdbc reads {@code sslmode} and {@code sslrootcert} as libpq does, but without
	 * {@code sslrootcert} it looks for {@code ~/.postgresql/root.crt}, which the pods do
	 * not have: the JVM's CAs are then asked for with its plain Java SSL factory.
	 * @return the URL
	 */
	public String jdbcUrl() {
		StringBuilder url = new StringBuilder("jdbc:postgresql://").append(urlHost())
			.append(':')
			.append(this.port)
			.append('/')
			.append(this.database)
			.append("?sslmode=")
			// pgjdbc's require never checks the chain, libpq's does when given CAs
			.append(("require".equals(this.sslMode) && caFile() != null) ? "verify-ca" : this.sslMode);
		if (caFile() != null) {
			url.append("&sslrootcert=").append(URLEncoder.encode(caFile(), StandardCharsets.UTF_8));
		}
		else if (verifiesCertificate()) {
			url.append("&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
		}
		return url.toString();
	}

	/** The host as a URL names it: an IPv6 address in brackets. */
	private String urlHost() {
		return this.host.contains(":") ? "[" + this.host + "]" : this.host;
	}

	@Override
	public String toString() {
		return "DatabaseSettings[" + this.user + "@" + this.host + ":" + this.port + "/" + this.database + ", sslmode="
				+ this.sslMode + ((this.sslRootCert != null) ? ", sslrootcert=" + this.sslRootCert : "") + "]";
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

	/** Percent-encodes, a space too: in a URL's path a {@code +} stays a plus. */
	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
