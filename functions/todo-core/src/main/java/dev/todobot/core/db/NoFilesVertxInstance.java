package dev.todobot.core.db;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import org.hibernate.reactive.vertx.VertxInstance;
import org.hibernate.service.spi.Stoppable;

/**
 * The Vert.x that Hibernate Reactive runs the PostgreSQL client on, made so that it
 * writes no files. The pods run with a read-only root filesystem and no writable
 * {@code /tmp}, and Vert.x's defaults create a cache directory under
 * {@code java.io.tmpdir} at start, to unpack classpath resources into, even when nothing
 * is ever unpacked; the start then fails. The database client reads no files from the
 * classpath, so that resolving is off. Hibernate Reactive stops it with its service
 * registry, when the session factory closes.
 */
final class NoFilesVertxInstance implements VertxInstance, Stoppable {

	private final Vertx vertx;

	/**
	 * A Vert.x with its default event loops (two per CPU) and Java's own transport.
	 */
	NoFilesVertxInstance() {
		this(options());
	}

	/**
	 * A Vert.x with event loops of its own number and transport.
	 * @param options what else differs from {@link #options()}
	 */
	NoFilesVertxInstance(VertxOptions options) {
		this.vertx = Vertx.vertx(options);
	}

	/**
	 * The options every Vert.x of the functions has.
	 * @return new options
	 */
	static VertxOptions options() {
		return new VertxOptions().setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false));
	}

	@Override
	public Vertx getVertx() {
		return this.vertx;
	}

	@Override
	public void stop() {
		this.vertx.close().toCompletionStage().toCompletableFuture().join();
	}

}
