package dev.todobot.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local stand-in for the web container's nginx: serves the web export and maps
 * {@code /api/todo/*} and {@code /api/chat/*} (prefix stripped) and {@code /mcp} to the
 * functions, with the same caching and security headers.
 */
final class Gateway implements AutoCloseable {

	/**
	 * The security headers of every answer, as web/nginx/default.conf.template sends
	 * them.
	 */
	static final Map<String, String> SECURITY_HEADERS = Map.of("Content-Security-Policy",
			"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
					+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
			"X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer",
			"Permissions-Policy", "camera=(), microphone=(), geolocation=()");

	/** Longer than a function's cold start. */
	private static final Duration PROXY_TIMEOUT = Duration.ofSeconds(120);

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
			"trailer", "upgrade", "proxy-authorization", "proxy-authenticate", "host", "content-length", "expect");

	private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
			Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
			Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json"),
			Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
			Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"),
			Map.entry("webmanifest", "application/manifest+json"));

	private static final Set<String> COMPRESSIBLE = Set.of("html", "js", "css", "json", "txt", "svg", "webmanifest");

	private final HttpServer server;

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Path webRoot;

	private final List<Route> routes;

	/**
	 * @param port where to listen
	 * @param webRoot the web export
	 * @param routes path prefixes and where they go
	 */
	Gateway(int port, Path webRoot, List<Route> routes) throws IOException {
		this.webRoot = webRoot.toAbsolutePath().normalize();
		this.routes = routes;
		this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			for (Route route : this.routes) {
				if (path.equals(route.prefix()) || path.startsWith(route.prefix() + "/")) {
					proxy(exchange, route);
					return;
				}
			}
			if (path.equals("/healthz")) {
				byte[] ok = "ok\n".getBytes();
				exchange.getResponseHeaders().set("Content-Type", "text/plain");
				exchange.sendResponseHeaders(200, ok.length);
				exchange.getResponseBody().write(ok);
				return;
			}
			serveStatic(exchange, path);
		}
	}

	private void proxy(HttpExchange exchange, Route route) throws IOException {
		URI incoming = exchange.getRequestURI();
		String rest = route.stripPrefix() ? incoming.getRawPath().substring(route.prefix().length())
				: incoming.getRawPath();
		String target = route.target() + (rest.isEmpty() ? "/" : rest)
				+ ((incoming.getRawQuery() != null) ? "?" + incoming.getRawQuery() : "");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
			.timeout(PROXY_TIMEOUT)
			.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		HttpResponse<InputStream> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			sendProblem(exchange, 502, "The " + route.name() + " function is not reachable");
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			sendProblem(exchange, 503, "The gateway is stopping");
			return;
		}
		Headers headers = exchange.getResponseHeaders();
		response.headers().map().forEach((name, values) -> {
			if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
				headers.put(name, values);
			}
		});
		SECURITY_HEADERS.forEach(headers::set);
		// a known length is passed on, no length means a stream (chunked), zero means no
		// body
		long length = response.headers().firstValueAsLong("content-length").orElse(-1);
		int status = response.statusCode();
		exchange.sendResponseHeaders(status, (length > 0) ? length : ((length == 0 || status == 204) ? -1 : 0));
		try (InputStream body = response.body(); OutputStream out = exchange.getResponseBody()) {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = body.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				// server-sent events reach the browser as they come, not buffered
				out.flush();
			}
		}
	}

	private void serveStatic(HttpExchange exchange, String path) throws IOException {
		if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
			sendProblem(exchange, 405, "Only GET here");
			return;
		}
		Headers headers = exchange.getResponseHeaders();
		SECURITY_HEADERS.forEach(headers::set);
		boolean hashed = path.startsWith("/_next/static/");
		headers.set("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
		Path file = resolve(path, !hashed);
		if (file == null) {
			sendProblem(exchange, 404, "No such file");
			return;
		}
		String extension = extension(file);
		headers.set("Content-Type", CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"));
		byte[] body = Files.readAllBytes(file);
		boolean gzip = COMPRESSIBLE.contains(extension)
				&& String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
		if (gzip) {
			headers.set("Content-Encoding", "gzip");
			headers.set("Vary", "Accept-Encoding");
			ByteArrayOutputStream compressed = new ByteArrayOutputStream();
			try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
				out.write(body);
			}
			body = compressed.toByteArray();
		}
		boolean head = exchange.getRequestMethod().equals("HEAD");
		exchange.sendResponseHeaders(200, head ? -1 : body.length);
		if (!head) {
			exchange.getResponseBody().write(body);
		}
	}

	/**
	 * The file for a path: itself, its .html page, its directory's index, or (for the
	 * app's client-side routes) the app's index; {@code null} when there is none.
	 */
	private Path resolve(String path, boolean fallBackToApp) {
		String decoded = URI.create(path).getPath();
		Path candidate = this.webRoot.resolve(decoded.substring(1)).normalize();
		if (candidate.startsWith(this.webRoot)) {
			for (Path file : List.of(candidate, Path.of(candidate + ".html"), candidate.resolve("index.html"))) {
				if (Files.isRegularFile(file)) {
					return file;
				}
			}
		}
		return fallBackToApp ? this.webRoot.resolve("index.html") : null;
	}

	private static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static void sendProblem(HttpExchange exchange, int status, String detail) throws IOException {
		byte[] body = ("{\"status\":" + status + ",\"title\":\"Gateway\",\"detail\":\"" + detail + "\"}").getBytes();
		exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	/**
	 * Where a path prefix goes.
	 *
	 * @param name the function, for messages
	 * @param prefix such as {@code /api/todo}
	 * @param target the function's address
	 * @param stripPrefix whether the function sees the path without the prefix
	 */
	record Route(String name, String prefix, String target, boolean stripPrefix) {
	}

}
