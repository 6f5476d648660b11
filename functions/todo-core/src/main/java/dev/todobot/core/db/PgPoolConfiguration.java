package dev.todobot.core.db;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import org.hibernate.reactive.pool.impl.SqlClientPoolConfiguration;

/**
 * Gives Hibernate Reactive's pool PostgreSQL options it cannot read from a URL: TLS as
 * {@code sslmode} asks, connection retries and time limits.
 */
class PgPoolConfiguration implements SqlClientPoolConfiguration {

	private final DatabaseSettings database;

	private final PoolSettings pool;

	PgPoolConfiguration(DatabaseSettings database, PoolSettings pool) {
		this.database = database;
		this.pool = pool;
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
			.setReconnectInterval(this.pool.reconnectInterval().toMillis());
		options.setConnectTimeout((int) this.pool.connectTimeout().toMillis());
		// libpq's require, prefer and allow encrypt without checking the certificate
		if (sslMode == SslMode.REQUIRE || sslMode == SslMode.PREFER || sslMode == SslMode.ALLOW) {
			options.setTrustAll(true);
		}
		return options;
	}

}
