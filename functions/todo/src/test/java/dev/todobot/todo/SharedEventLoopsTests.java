package dev.todobot.todo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.todobot.core.db.EventLoops;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web server serves HTTP on the database client's event loops, so that a request and
 * its database work run on one thread instead of being handed from one set of loops to
 * another and back.
 */
@Import(SharedEventLoopsTests.ServingThreads.class)
class SharedEventLoopsTests extends TodoHttpTestSupport {

	@Autowired
	private EventLoops loops;

	@Autowired
	private ServingThreads serving;

	@Test
	void requestsAreServedOnTheDatabaseClientsEventLoops() {
		String token = signUp();
		for (int i = 0; i < 4; i++) {
			call("listTasks", token, Map.of()).expectStatus().isOk();
		}
		assertThat(this.serving.threads).isNotEmpty().allMatch(this::isDatabaseEventLoop);
	}

	private boolean isDatabaseEventLoop(Thread thread) {
		for (EventExecutor loop : this.loops.group()) {
			if (loop.inEventLoop(thread)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Notes the thread each request is served on.
	 */
	static class ServingThreads implements WebFilter {

		final List<Thread> threads = new CopyOnWriteArrayList<>();

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			this.threads.add(Thread.currentThread());
			return chain.filter(exchange);
		}

	}

}
