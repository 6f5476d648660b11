package dev.todobot.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for Knative's Broker as a function's {@code K_SINK}: it
 * takes every event (202) and keeps it as its headers, in lower case, and its
 * {@code body}.
 */
public final class EventSink implements AutoCloseable {

	private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();

	private final HttpServer server;

	private EventSink() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			Map<String, String> event = new HashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> event.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
			event.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.received.add(event);
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.start();
	}

	/**
	 * Starts a sink on a free port of the loopback interface.
	 * @return the running sink
	 */
	public static EventSink start() {
		return new EventSink();
	}

	/**
	 * Where to send: the value for {@code K_SINK}.
	 * @return the sink's URL
	 */
	public String url() {
		return "http://localhost:" + this.server.getAddress().getPort() + "/";
	}

	/**
	 * The events received, oldest first, as they arrive.
	 * @return the live queue
	 */
	public BlockingQueue<Map<String, String>> received() {
		return this.received;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
