package dev.todobot.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a function app, small enough to start in a moment: it listens where
 * {@code PORT} and {@code SERVER_ADDRESS} say and answers its readiness probe as
 * {@code TINY_MODE} says ({@code ready}, {@code unready}, or {@code fail} to exit at
 * once).
 */
public final class TinyFunction {

	private TinyFunction() {
	}

	public static void main(String[] args) throws IOException {
		String mode = System.getenv().getOrDefault("TINY_MODE", "ready");
		if (mode.equals("fail")) {
			System.out.println("the database is not there");
			System.exit(3);
		}
		String address = System.getenv("SERVER_ADDRESS");
		int port = Integer.parseInt(System.getenv("PORT"));
		HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
		server.createContext("/actuator/health/readiness", (exchange) -> {
			byte[] body = (mode.equals("ready") ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(mode.equals("ready") ? 200 : 503, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		System.out.println("listening on " + address + ":" + port);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stopping")));
	}

}
