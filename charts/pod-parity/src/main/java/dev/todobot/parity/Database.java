package dev.todobot.parity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL that stands for the chart's in-cluster PostgreSQL or for Neon: a real
 * PostgreSQL 17 (zonky's embedded binaries) on the node's loopback, behind a Service-like
 * TCP forwarder on the bridge address's port 5432, which the cluster DNS gives the
 * database's host name. Roles and databases are made as the rendered Secrets say, and
 * passwords are checked (SCRAM), so a wrong Secret fails as it would in the cluster. It
 * can be stopped and started again on the same data, as an outage of the database would
 * be.
 */
final class Database implements AutoCloseable {

	static final int SERVICE_PORT = 5432;

	private final Path dataDirectory;

	private final int port;

	private final ServerSocket service;

	private final Thread acceptor;

	private volatile EmbeddedPostgres postgres;

	private Database(Path dataDirectory, int port, ServerSocket service) {
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.service = service;
		this.acceptor = Thread.ofPlatform().daemon().name("postgresql-service").start(this::accept);
	}

	static Database start(Path dataDirectory, String serviceAddress) {
		try {
			stopLeftover(dataDirectory);
			ImageBuilder.deleteRecursively(dataDirectory);
			Files.createDirectories(dataDirectory.getParent());
			int port;
			try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				port = free.getLocalPort();
			}
			ServerSocket service = new ServerSocket();
			service.setReuseAddress(true);
			service.bind(new InetSocketAddress(InetAddress.getByName(serviceAddress), SERVICE_PORT));
			Database database = new Database(dataDirectory, port, service);
			database.startPostgres();
			database.requirePasswords();
			return database;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A postmaster that a killed run left on this data directory (it runs detached). */
	private static void stopLeftover(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (Files.isRegularFile(pidFile)) {
			long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
			ProcessHandle.of(pid)
				.filter((process) -> process.info().commandLine().orElse("").contains(dataDirectory.toString()))
				.ifPresent(ProcessHandle::destroy);
		}
	}

	private void startPostgres() throws IOException {
		this.postgres = EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(this.port)
			.start();
	}

	/**
	 * Trust for the runner's superuser on loopback, SCRAM passwords for every other role.
	 */
	private void requirePasswords() throws IOException {
		Files.writeString(this.dataDirectory.resolve("pg_hba.conf"), """
				local all all trust
				host all postgres 127.0.0.1/32 trust
				host all all 127.0.0.1/32 scram-sha-256
				""");
		execute("SELECT pg_reload_conf()");
	}

	/**
	 * Makes a role with a password and a database it owns, as the chart's PostgreSQL
	 * image or Neon's console would.
	 * @param user the role
	 * @param password its password
	 * @param database the database
	 */
	void createUserAndDatabase(String user, String password, String database) {
		execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
		execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
	}

	/**
	 * Serves TLS as Neon does (a URL with {@code sslmode=require} needs it), with a
	 * self-signed certificate made by openssl for the given host name.
	 * @param host the server's name
	 */
	void enableSsl(String host) {
		Path certificate = this.dataDirectory.resolve("server.crt");
		Path key = this.dataDirectory.resolve("server.key");
		Shell.run("openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=" + host, "-keyout",
				key.toString(), "-out", certificate.toString());
		Shell.run("chmod", "600", key.toString());
		execute("ALTER SYSTEM SET ssl = on");
		execute("SELECT pg_reload_conf()");
	}

	/**
	 * Runs SQL as the superuser.
	 * @param sql a statement
	 */
	void execute(String sql) {
		execute("postgres", sql);
	}

	void execute(String database, String sql) {
		try (Connection connection = this.postgres.getDatabase("postgres", database).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	long count(String database, String sql) {
		try (Connection connection = this.postgres.getDatabase("postgres", database).getConnection();
				Statement statement = connection.createStatement();
				var result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Stops PostgreSQL (fast shutdown), keeping its data, as an outage would, and returns
	 * once the server has exited: under load it can outlast the stop command, and a
	 * restart meanwhile fails on its lock file.
	 */
	void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path lockFile = this.dataDirectory.resolve("postmaster.pid");
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (Files.exists(lockFile) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Starts PostgreSQL again on the same data and port. */
	void restart() {
		try {
			startPostgres();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept() {
		while (!this.service.isClosed()) {
			try {
				Socket client = this.service.accept();
				Thread.ofVirtual().start(() -> forward(client));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void forward(Socket client) {
		try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			Thread back = Thread.ofVirtual().start(() -> copy(upstream, client));
			copy(client, upstream);
			back.join();
		}
		catch (IOException ex) {
			// the database is down: the client's connection is closed, as with no
			// endpoint
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void copy(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			try {
				from.close();
				to.close();
			}
			catch (IOException ex) {
				// closed already
			}
		}
	}

	@Override
	public void close() {
		try {
			this.service.close();
			this.postgres.close();
		}
		catch (IOException ex) {
			// stopped already
		}
	}

}
