package dev.todobot.core.lifecycle;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingWorkTests {

	private final PendingWork pending = new PendingWork(0);

	private final AtomicInteger stopped = new AtomicInteger();

	@Test
	void stopsAtOnceWithNothingPending() {
		this.pending.stop(this.stopped::incrementAndGet);
		assertThat(this.stopped).hasValue(1);
	}

	@Test
	void stopsOnlyWhenTheWorkPendingEnds() {
		CompletableFuture<String> turn = this.pending.track(new CompletableFuture<>());
		this.pending.stop(this.stopped::incrementAndGet);
		assertThat(this.stopped).hasValue(0);
		turn.complete("answered");
		assertThat(this.stopped).hasValue(1);
	}

	@Test
	void waitsForWorkThatStartsWhileItWaits() {
		CompletableFuture<String> first = this.pending.track(new CompletableFuture<>());
		this.pending.stop(this.stopped::incrementAndGet);
		CompletableFuture<String> second = this.pending.track(new CompletableFuture<>());
		first.complete("answered");
		assertThat(this.stopped).hasValue(0);
		second.completeExceptionally(new IllegalStateException("the model failed"));
		assertThat(this.stopped).hasValue(1);
	}

	@Test
	void workThatEndedIsNotWaitedFor() {
		this.pending.track(CompletableFuture.completedFuture("sent"));
		this.pending.stop(this.stopped::incrementAndGet);
		assertThat(this.stopped).hasValue(1);
	}

}
