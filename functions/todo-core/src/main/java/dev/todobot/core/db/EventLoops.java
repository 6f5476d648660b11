package dev.todobot.core.db;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import org.hibernate.reactive.vertx.VertxInstance;

/**
 * One set of event loops for HTTP and the database. Vert.x owns them and runs the
 * PostgreSQL client on them; the web server serves HTTP on them too ({@link #group()}). A
 * unit of work that a request starts on one of these threads then runs on a Vert.x
 * context of that same thread ({@link #onThisLoop}), and its answer is written from
 * there: before, every request went from the web server's event loop to one of Vert.x's
 * and its answer back, two hand-offs that each woke a sleeping thread.
 * <p>
 * One event loop per CPU (a pod's CPU limit counts), the native transport where Netty can
 * load it (as Reactor Netty chose by itself). Vert.x is stopped by Hibernate Reactive
 * when the session factory closes, after the web server has stopped.
 */
public final class EventLoops {

	private final NoFilesVertxInstance vertx;

	private final VertxInternal internal;

	/** This thread's own Vert.x context, once a unit of work started on it. */
	private final ThreadLocal<ContextInternal> contexts = new ThreadLocal<>();

	/**
	 * One event loop per CPU.
	 */
	public EventLoops() {
		this(Runtime.getRuntime().availableProcessors());
	}

	/**
	 * @param count how many event loops
	 */
	public EventLoops(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1, not " + count);
		}
		this.vertx = new NoFilesVertxInstance(
				NoFilesVertxInstance.options().setEventLoopPoolSize(count).setPreferNativeTransport(true));
		this.internal = (VertxInternal) this.vertx.getVertx();
	}

	VertxInstance vertxInstance() {
		return this.vertx;
	}

	/**
	 * The event loops, for the web server's connections.
	 * @return Vert.x's event loop group
	 */
	public EventLoopGroup group() {
		return this.internal.getEventLoopGroup();
	}

	/**
	 * The loop that accepts connections, for the web server's socket.
	 * @return Vert.x's acceptor group
	 */
	public EventLoopGroup acceptors() {
		return this.internal.getAcceptorEventLoopGroup();
	}

	/**
	 * Starts database work on this thread's Vert.x context when the thread is one of the
	 * event loops and in no context yet (a request the web server is serving), so that
	 * Hibernate Reactive does not hand it to another loop. Elsewhere it starts the work
	 * as it is, and Hibernate Reactive finds a context of its own.
	 * @param <T> the result type
	 * @param work starts the work
	 * @return the work's stage
	 */
	<T> CompletionStage<T> onThisLoop(Supplier<CompletionStage<T>> work) {
		if (Vertx.currentContext() != null) {
			return work.get();
		}
		ContextInternal context = context();
		if (context == null) {
			return work.get();
		}
		// a context of its own per unit of work, as Hibernate Reactive makes one: the
		// session it keeps in the context must not be seen by another request
		ContextInternal duplicate = context.duplicate();
		ContextInternal previous = duplicate.beginDispatch();
		try {
			return work.get();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		finally {
			duplicate.endDispatch(previous);
		}
	}

	private ContextInternal context() {
		ContextInternal context = this.contexts.get();
		if (context != null) {
			return context;
		}
		EventLoop loop = currentLoop();
		if (loop == null) {
			return null;
		}
		context = this.internal.createEventLoopContext(loop, this.internal.getWorkerPool(),
				Thread.currentThread().getContextClassLoader());
		this.contexts.set(context);
		return context;
	}

	private EventLoop currentLoop() {
		for (EventExecutor executor : group()) {
			if (executor.inEventLoop()) {
				return (EventLoop) executor;
			}
		}
		return null;
	}

}
