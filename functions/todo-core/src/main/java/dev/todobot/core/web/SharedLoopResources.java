package dev.todobot.core.web;

import dev.todobot.core.db.EventLoops;
import io.netty.channel.EventLoopGroup;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * The web server's event loops: the database client's ({@link EventLoops}). Disposing
 * them is left to their owner, which stops them after the web server.
 */
final class SharedLoopResources implements LoopResources {

	private final EventLoops loops;

	SharedLoopResources(EventLoops loops) {
		this.loops = loops;
	}

	@Override
	public EventLoopGroup onServer(boolean useNative) {
		return this.loops.group();
	}

	@Override
	public EventLoopGroup onServerSelect(boolean useNative) {
		return this.loops.acceptors();
	}

	@Override
	public EventLoopGroup onClient(boolean useNative) {
		return this.loops.group();
	}

	@Override
	public boolean daemon() {
		return false;
	}

	@Override
	public void dispose() {
	}

	@Override
	public Mono<Void> disposeLater(java.time.Duration quietPeriod, java.time.Duration timeout) {
		return Mono.empty();
	}

	@Override
	public Mono<Void> disposeLater() {
		return Mono.empty();
	}

}
