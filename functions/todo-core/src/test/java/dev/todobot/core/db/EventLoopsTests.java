package dev.todobot.core.db;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.user.User;
import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import org.hibernate.reactive.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLoopsTests {

	private static EventLoops loops;

	private static Database database;

	@BeforeAll
	static void startDatabase() {
		loops = new EventLoops(2);
		database = new Database(ReactiveDatabase.sessionFactory(EmbeddedDatabase.settings(), PoolSettings.defaults(),
				List.<Class<?>>of(User.class), loops), Duration.ofSeconds(10), loops);
		// a connection in the pool, so that work can start before the caller's task ends
		database.ping().block(Duration.ofSeconds(30));
	}

	@AfterAll
	static void closeDatabase() {
		database.close();
	}

	@Test
	void workStartedOnAnEventLoopRunsAndAnswersOnThatLoop() throws Exception {
		for (EventLoop loop : List.of(loops.group().next(), loops.group().next())) {
			// when
			Threads threads = runOn(loop, true);
			// then
			assertThat(threads.startedAtOnce()).as("started before the caller's task ended").isTrue();
			assertThat(threads.started()).isEqualTo(threads.caller());
			assertThat(threads.answered()).isEqualTo(threads.caller());
		}
	}

	@Test
	void aTransactionStartedOnAnEventLoopRunsAndAnswersOnThatLoop() throws Exception {
		// it starts once the statement timeout is set, on the same loop
		Threads threads = runOn(loops.group().next(), false);
		assertThat(threads.started()).isEqualTo(threads.caller());
		assertThat(threads.answered()).isEqualTo(threads.caller());
	}

	@Test
	void workStartedElsewhereRunsOnAnEventLoopOfVertx() {
		AtomicReference<Thread> started = new AtomicReference<>();
		Long one = database.read((session) -> {
			started.set(Thread.currentThread());
			return session.createNativeQuery("select 1", Long.class).getSingleResult();
		}).block(Duration.ofSeconds(30));
		assertThat(one).isEqualTo(1L);
		assertThat(started.get()).isNotEqualTo(Thread.currentThread());
		assertThat(started.get().getName()).startsWith("vert.x-eventloop-thread-");
	}

	@Test
	void everyUnitOfWorkHasAContextOfItsOwnSoThatNoSessionIsShared() throws Exception {
		CompletableFuture<Object> first = new CompletableFuture<>();
		CompletableFuture<Object> second = new CompletableFuture<>();
		loops.group().next().execute(() -> {
			for (CompletableFuture<Object> context : List.of(first, second)) {
				database.read((session) -> {
					context.complete(Vertx.currentContext());
					return session.createNativeQuery("select 1", Long.class).getSingleResult();
				}).subscribe();
			}
		});
		assertThat(first.get(30, TimeUnit.SECONDS)).isNotNull().isNotSameAs(second.get(30, TimeUnit.SECONDS));
	}

	private static Threads runOn(EventLoop loop, boolean read) throws Exception {
		CompletableFuture<Threads> result = new CompletableFuture<>();
		loop.execute(() -> {
			Thread caller = Thread.currentThread();
			AtomicReference<Thread> started = new AtomicReference<>();
			AtomicReference<Boolean> atOnce = new AtomicReference<>();
			Function<Stage.Session, CompletionStage<Long>> work = (session) -> {
				started.set(Thread.currentThread());
				return session.createNativeQuery("select 1", Long.class).getSingleResult();
			};
			(read ? database.read(work) : database.transaction(work)).subscribe(
					(one) -> result.complete(new Threads(caller, atOnce.get(), started.get(), Thread.currentThread())),
					result::completeExceptionally);
			// handed to another task (of this loop or another), it would not have
			// started yet
			atOnce.set(started.get() != null);
		});
		return result.get(30, TimeUnit.SECONDS);
	}

	private record Threads(Thread caller, boolean startedAtOnce, Thread started, Thread answered) {

	}

}
