package dev.todobot.core.db;

import java.util.List;

import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.reactive.pool.impl.SqlClientPoolConfiguration;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.stage.Stage;
import org.hibernate.reactive.vertx.VertxInstance;

/**
 * Builds the Hibernate Reactive session factory over the Vert.x PostgreSQL client.
 * Building it opens no connection: the pool connects on first use, so a cold start does
 * not wait for a database that may itself be waking up.
 */
public final class ReactiveDatabase {

	private ReactiveDatabase() {
	}

	/**
	 * Creates a session factory for the given entities.
	 * @param database where the database is
	 * @param pool how the pool behaves
	 * @param entities the annotated entity classes
	 * @return the session factory; close it when done
	 */
	public static Stage.SessionFactory sessionFactory(DatabaseSettings database, PoolSettings pool,
			List<Class<?>> entities) {
		return sessionFactory(database, pool, entities, new NoFilesVertxInstance());
	}

	/**
	 * Creates a session factory for the given entities whose database client runs on
	 * shared event loops.
	 * @param database where the database is
	 * @param pool how the pool behaves
	 * @param entities the annotated entity classes
	 * @param loops the event loops; closing the session factory stops them
	 * @return the session factory; close it when done
	 */
	public static Stage.SessionFactory sessionFactory(DatabaseSettings database, PoolSettings pool,
			List<Class<?>> entities, EventLoops loops) {
		return sessionFactory(database, pool, entities, loops.vertxInstance());
	}

	private static Stage.SessionFactory sessionFactory(DatabaseSettings database, PoolSettings pool,
			List<Class<?>> entities, VertxInstance vertx) {
		Configuration configuration = new Configuration();
		entities.forEach(configuration::addAnnotatedClass);
		configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, database.jdbcUrl());
		// Known in advance, so that start-up makes no database round trip to find them
		// out:
		// a cold start must not wait for a database that may itself be waking up
		configuration.setProperty(AvailableSettings.DIALECT, "org.hibernate.dialect.PostgreSQLDialect");
		configuration.setProperty("hibernate.boot.allow_jdbc_metadata_access", "false");
		configuration.setProperty(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, "50");
		StandardServiceRegistry registry = new ReactiveServiceRegistryBuilder()
			.applySettings(configuration.getProperties())
			.addService(SqlClientPoolConfiguration.class, new PgPoolConfiguration(database, pool))
			.addService(VertxInstance.class, vertx)
			// no proxies or enhanced entities, as no entity has a lazy association:
			// otherwise Byte Buddy's 900 classes load at every start
			.addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl())
			.build();
		return configuration.buildSessionFactory(registry).unwrap(Stage.SessionFactory.class);
	}

}
