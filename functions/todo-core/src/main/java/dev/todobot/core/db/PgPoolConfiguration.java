package dev.todobot.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import io.vertx.core.net.TrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import org.hibernate.reactive.pool.impl.SqlClientPoolConfiguration;

/**
 * Gives Hibernate Reactive's pool PostgreSQL options it cannot read from a URL: TLS as
 * libpq's {@code sslmode} and {@code sslrootcert} ask, TCP keep-alive, connection retries
 * and time limits.
 */
class PgPoolConfiguration implements SqlClientPoolConfiguration {

	/**
	 * Keep-alive probes start after a minute of silence and give up after three
	 * unanswered ones, ten seconds apart: a connection whose peer vanished (a NAT or
	 * proxy dropped it, a compute was replaced) is closed in under two minutes instead of
	 * the kernel's two hours, and the pool replaces it.
	 */
	private static final int KEEP_ALIVE_IDLE_SECONDS = 60;

	private static final int KEEP_ALIVE_INTERVAL_SECONDS = 10;

	private static final int KEEP_ALIVE_PROBES = 3;

	private final DatabaseSettings database;

	private final PoolSettings pool;

	private final TrustOptions trust;

	PgPoolConfiguration(DatabaseSettings database, PoolSettings pool) {
		this.database = database;
		this.pool = pool;
		// built now, so that a missing CA file stops the start instead of the first
		// request
		this.trust = trustOptions(database);
	}

	@Override
	public PoolOptions poolOptions() {
		return new PoolOptions().setMaxSize(this.pool.maxSize())
			.setConnectionTimeout((int) this.pool.acquireTimeout().toMillis())
			.setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
			.setIdleTimeout(5)
			.setIdleTimeoutUnit(TimeUnit.MINUTES);
	}

	@Override
	public SqlConnectOptions connectOptions(URI uri) {
		SslMode sslMode = SslMode.of(this.database.sslMode());
		PgConnectOptions options = new PgConnectOptions().setHost(this.database.host())
			.setPort(this.database.port())
			.setDatabase(this.database.database())
			.setUser(this.database.user())
			.setPassword(this.database.password())
			.setSslMode(sslMode)
			.setCachePreparedStatements(true)
			.setReconnectAttempts(this.pool.reconnectAttempts())
			.setReconnectInterval(this.pool.reconnectInterval().toMillis())
			.setTcpKeepAlive(true);
		options.setConnectTimeout((int) this.pool.connectTimeout().toMillis());
		options.setTcpKeepAliveIdleSeconds(KEEP_ALIVE_IDLE_SECONDS);
		options.setTcpKeepAliveIntervalSeconds(KEEP_ALIVE_INTERVAL_SECONDS);
		options.setTcpKeepAliveCount(KEEP_ALIVE_PROBES);
		if (sslMode != SslMode.DISABLE) {
			options.setTrustOptions(this.trust)
				.setHostnameVerificationAlgorithm(this.database.verifiesHostName() ? "HTTPS" : "");
		}
		return options;
	}

	/**
	 * What the pool trusts. Netty's TLS client checks the host name by default, even when
	 * Vert.x is told to trust all certificates or not to check names, so only
	 * {@code verify-full} gets the plain trust managers; the other modes get a trust
	 * manager that checks the chain (or nothing) and, being an extended one, keeps the
	 * JDK from adding the host name check.
	 */
	private static TrustOptions trustOptions(DatabaseSettings database) {
		if (!database.verifiesCertificate()) {
			return TrustOptions.wrap(new ChainOnlyTrustManager(null));
		}
		TrustManagerFactory cas = trustedCas(database);
		if (database.verifiesHostName()) {
			return TrustOptions.wrap(cas);
		}
		for (TrustManager manager : cas.getTrustManagers()) {
			if (manager instanceof X509TrustManager x509) {
				return TrustOptions.wrap(new ChainOnlyTrustManager(x509));
			}
		}
		throw new IllegalStateException("No X.509 trust manager for the database's CAs");
	}

	private static TrustManagerFactory trustedCas(DatabaseSettings database) {
		String caFile = database.caFile();
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			if (caFile == null) {
				factory.init((KeyStore) null);
				return factory;
			}
			if (!Files.isReadable(Path.of(caFile))) {
				throw new IllegalArgumentException(
						"The database's sslrootcert '" + caFile + "' is not a readable file of CA certificates");
			}
			KeyStore cas = KeyStore.getInstance(KeyStore.getDefaultType());
			cas.load(null, null);
			try (InputStream pem = Files.newInputStream(Path.of(caFile))) {
				int i = 0;
				for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
					cas.setCertificateEntry("ca-" + i++, certificate);
				}
			}
			if (cas.size() == 0) {
				throw new IllegalArgumentException(
						"The database's sslrootcert '" + caFile + "' holds no PEM certificate");
			}
			factory.init(cas);
			return factory;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("The database's CAs cannot be read from "
					+ ((caFile != null) ? "sslrootcert '" + caFile + "'" : "the JVM's trust store") + ": "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Checks a server's certificate chain against trusted CAs, or trusts any when it has
	 * none, and never its name: libpq's {@code require} and {@code verify-ca}.
	 */
	private static final class ChainOnlyTrustManager extends X509ExtendedTrustManager {

		private final X509TrustManager cas;

		ChainOnlyTrustManager(X509TrustManager cas) {
			this.cas = cas;
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			if (this.cas != null) {
				this.cas.checkServerTrusted(chain, authType);
			}
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			checkServerTrusted(chain, authType);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			checkServerTrusted(chain, authType);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			throw new CertificateException("The database client authenticates no clients");
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			checkClientTrusted(chain, authType);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			checkClientTrusted(chain, authType);
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return (this.cas != null) ? this.cas.getAcceptedIssuers() : new X509Certificate[0];
		}

	}

}
