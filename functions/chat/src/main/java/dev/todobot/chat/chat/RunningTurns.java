package dev.todobot.chat.chat;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The turns this instance is answering. A turn runs to its end even when its client left,
 * on threads that do not keep the JVM alive; so on shutdown (SIGTERM from Knative) this
 * waits for them, alongside the web server's graceful shutdown and within the same
 * {@code spring.lifecycle.timeout-per-shutdown-phase}, before the database is closed.
 */
class RunningTurns implements SmartLifecycle {

	private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();

	private volatile boolean started;

	/**
	 * Counts a turn in until it ends.
	 * @param turn ends when the turn does, however it ends
	 */
	void track(CompletableFuture<?> turn) {
		this.running.add(turn);
		turn.whenComplete((result, failure) -> this.running.remove(turn));
	}

	@Override
	public void start() {
		this.started = true;
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public void stop(Runnable callback) {
		this.started = false;
		CompletableFuture.allOf(this.running.toArray(CompletableFuture[]::new))
			.whenComplete((result, failure) -> callback.run());
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	/**
	 * Stops with the web server's graceful shutdown, so that the two wait together: a
	 * streamed turn whose client still listens is both a request and a turn.
	 */
	@Override
	public int getPhase() {
		return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE;
	}

}
