package dev.todobot.devstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local stand-in for the web container's nginx, on Jetty: serves the web export and
 * passes the template's function locations ({@code /api/todo/*}, {@code /api/chat/*},
 * {@code /mcp}) to the functions, with the template's rewrites, fixed answers
 * ({@code /healthz}), security headers and caching. Requests are served by Jetty's own
 * platform threads and proxied without blocking, so a slow or stopped function holds no
 * thread that another request needs.
 */
final class Gateway implements AutoCloseable {

	/**
	 * Longer than a function's cold start, and than a chat turn's pauses (nginx: 300 s).
	 */
	private static final Duration PROXY_IDLE_TIMEOUT = Duration.ofSeconds(300);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final List<String> COMPRESSIBLE = List.of("text/html", "text/css", "text/plain", "text/javascript",
			"application/javascript", "application/json", "image/svg+xml", "application/manifest+json");

	private final Server server;

	/**
	 * Starts the gateway on 127.0.0.1.
	 * @param port where to listen
	 * @param webRoot the web export
	 * @param config the routes and headers of the web container's nginx
	 * @param functions each function's address, by name
	 */
	Gateway(int port, Path webRoot, WebServerConfig config, Map<String, String> functions) throws Exception {
		QueuedThreadPool threads = new QueuedThreadPool();
		threads.setName("gateway");
		this.server = new Server(threads);
		ServerConnector connector = new ServerConnector(this.server);
		connector.setHost("127.0.0.1");
		connector.setPort(port);
		connector.setIdleTimeout(PROXY_IDLE_TIMEOUT.toMillis());
		this.server.addConnector(connector);

		PathMappingsHandler paths = new PathMappingsHandler();
		for (WebServerConfig.FixedAnswer answer : config.answers()) {
			paths.addMapping(new ServletPathSpec(answer.location()), new Fixed(answer));
		}
		for (WebServerConfig.Route route : config.routes()) {
			String location = route.location();
			String spec = route.exact() ? location : location.replaceAll("/$", "") + "/*";
			paths.addMapping(new ServletPathSpec(spec), new FunctionProxy(route, functions.get(route.function())));
		}
		paths.addMapping(new ServletPathSpec("/"),
				new TryFiles(files(webRoot.toAbsolutePath().normalize()), config.cacheControl()));

		this.server.setHandler(new SecurityHeaders(config.headers(), new ContextHandler(paths, "/")));
		this.server.setErrorHandler(new ProblemErrors(config.headers()));
		this.server.start();
	}

	String url() {
		return "http://localhost:" + ((ServerConnector) this.server.getConnectors()[0]).getLocalPort();
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The gateway did not stop", ex);
		}
	}

	private static Handler files(Path root) {
		ResourceHandler resources = new ResourceHandler();
		resources.setBaseResource(ResourceFactory.root().newResource(root));
		resources.setDirAllowed(false);
		resources.setWelcomeFiles("index.html");
		resources.setEtags(true);
		GzipHandler gzip = new GzipHandler(resources);
		gzip.setMinGzipSize(512);
		gzip.setIncludedMimeTypes(COMPRESSIBLE.toArray(String[]::new));
		return gzip;
	}

	private static void problem(Response response, Map<String, String> headers, int status, String detail,
			Callback callback) {
		headers.forEach(response.getHeaders()::put);
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
		String body = "{\"type\":\"about:blank\",\"title\":\"" + HttpStatus.getMessage(status) + "\",\"status\":"
				+ status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
		Content.Sink.write(response, true, body, callback);
	}

	/**
	 * The template's {@code try_files} and caching: hashed build output is served as it
	 * is, and the app's own routes, rendered in the browser, get the app.
	 */
	private static final class TryFiles extends Handler.Wrapper {

		private final WebServerConfig.CacheControl cacheControl;

		TryFiles(Handler files, WebServerConfig.CacheControl cacheControl) {
			super(files);
			this.cacheControl = cacheControl;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) throws Exception {
			String path = Request.getPathInContext(request);
			boolean hashed = path.startsWith("/_next/static/");
			String query = request.getHttpURI().getQuery();
			String cacheControl = this.cacheControl.of(path + ((query != null) ? "?" + query : ""));
			if (!cacheControl.isEmpty()) {
				response.getHeaders().put(HttpHeader.CACHE_CONTROL, cacheControl);
			}
			List<String> candidates = hashed ? List.of(path)
					: List.of(path, path + ".html", path + "/index.html", "/index.html");
			for (String candidate : candidates) {
				Request tried = Request.serveAs(request, HttpURI.build(request.getHttpURI()).path(candidate));
				if (super.handle(tried, response, callback)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * Adds the template's security headers to every answer, as nginx's
	 * {@code add_header ... always} does.
	 */
	private static final class SecurityHeaders extends Handler.Wrapper {

		private final Map<String, String> headers;

		SecurityHeaders(Map<String, String> headers, Handler next) {
			super(next);
			this.headers = headers;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) throws Exception {
			this.headers.forEach(response.getHeaders()::put);
			return super.handle(request, response, callback);
		}

	}

	/**
	 * Every error the gateway itself answers (no such file, a function not reachable) as
	 * problem+json, with the security headers.
	 */
	private static final class ProblemErrors implements Request.Handler {

		private final Map<String, String> headers;

		ProblemErrors(Map<String, String> headers) {
			this.headers = headers;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) {
			Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
			int status = response.getStatus();
			problem(response, this.headers, status,
					(message != null) ? message.toString() : HttpStatus.getMessage(status), callback);
			return true;
		}

	}

	/**
	 * One of the template's locations that nginx answers itself.
	 */
	private static final class Fixed extends Handler.Abstract.NonBlocking {

		private final WebServerConfig.FixedAnswer answer;

		Fixed(WebServerConfig.FixedAnswer answer) {
			this.answer = answer;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) {
			response.setStatus(this.answer.status());
			response.getHeaders().put(HttpHeader.CONTENT_TYPE, this.answer.contentType());
			Content.Sink.write(response, true, this.answer.body(), callback);
			return true;
		}

	}

	/**
	 * One of the template's function locations: the path rewritten as nginx would, the
	 * answer passed on as it comes (server-sent events included).
	 */
	private static final class FunctionProxy extends ProxyHandler.Reverse {

		private final WebServerConfig.Route route;

		FunctionProxy(WebServerConfig.Route route, String target) {
			super((request) -> {
				HttpURI uri = request.getHttpURI();
				return HttpURI.build(target + route.rewrite(uri.getPath())).query(uri.getQuery());
			});
			this.route = route;
		}

		@Override
		protected void configureHttpClient(HttpClient client) {
			super.configureHttpClient(client);
			client.setConnectTimeout(CONNECT_TIMEOUT.toMillis());
			client.setIdleTimeout(PROXY_IDLE_TIMEOUT.toMillis());
		}

		@Override
		protected void onServerToProxyResponseFailure(Request request,
				org.eclipse.jetty.client.Request proxyToServerRequest,
				org.eclipse.jetty.client.Response serverToProxyResponse, Response response, Callback callback,
				Throwable failure) {
			if (response.isCommitted()) {
				callback.failed(failure);
				return;
			}
			boolean slow = failure instanceof TimeoutException;
			Response.writeError(request, response, callback,
					slow ? HttpStatus.GATEWAY_TIMEOUT_504 : HttpStatus.BAD_GATEWAY_502, "The " + this.route.function()
							+ " function " + (slow ? "did not answer in time" : "is not reachable"));
		}

	}

}
