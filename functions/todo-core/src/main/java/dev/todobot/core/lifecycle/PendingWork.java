package dev.todobot.core.lifecycle;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;

/**
 * Work a function still owes after the request that started it was answered, or after its
 * client left: a chat turn, a CloudEvent on its way to {@code K_SINK}. It runs on threads
 * that do not keep the JVM alive, so on shutdown (SIGTERM from Knative) this waits for
 * it, within {@code spring.lifecycle.timeout-per-shutdown-phase}, before the database and
 * the HTTP clients are closed. Work that starts while it waits is waited for too.
 */
public class PendingWork implements SmartLifecycle {

	private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();

	private final int phase;

	private volatile boolean started;

	/**
	 * @param phase when to wait, among the other lifecycle phases: with the web server's
	 * graceful shutdown for work a request may still be part of, after the web server
	 * stopped for work that only finished requests leave behind
	 */
	public PendingWork(int phase) {
		this.phase = phase;
	}

	/**
	 * Counts work in until it ends.
	 * @param work ends when the work does, however it ends
	 * @param <T> its result
	 * @return the same work
	 */
	public <T> CompletableFuture<T> track(CompletableFuture<T> work) {
		this.running.add(work);
		work.whenComplete((result, failure) -> this.running.remove(work));
		return work;
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
		awaitAll(callback);
	}

	private void awaitAll(Runnable callback) {
		// work that just ended may still be in the set: it leaves it in a callback of its
		// own, which can run after this one
		CompletableFuture<?>[] unfinished = this.running.stream()
			.filter((work) -> !work.isDone())
			.toArray(CompletableFuture[]::new);
		if (unfinished.length == 0) {
			callback.run();
			return;
		}
		CompletableFuture.allOf(unfinished).whenComplete((result, failure) -> awaitAll(callback));
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

}
