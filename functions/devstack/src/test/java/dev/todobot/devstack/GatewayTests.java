package dev.todobot.devstack;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own answers: the web export, its caching, the template's headers, and
 * problem+json for what it cannot serve. Proxying to real functions is covered by
 * {@link DevStackTests}.
 */
class GatewayTests {

	private static final Path TEMPLATE = DevStackOptions.repositoryRoot(Path.of(""))
		.resolve("web/nginx/default.conf.template");

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path web;

	private WebServerConfig config;

	private Gateway gateway;

	private int stoppedFunctionPort;

	@BeforeEach
	void start() throws Exception {
		Files.writeString(this.web.resolve("index.html"), "<html>the app</html>");
		Files.writeString(this.web.resolve("about.html"), "<html>about</html>");
		Path chunks = Files.createDirectories(this.web.resolve("_next/static/chunks"));
		Files.writeString(chunks.resolve("app-1a2b.js"), "console.log('app')");
		try (ServerSocket socket = new ServerSocket(0)) {
			this.stoppedFunctionPort = socket.getLocalPort();
		}
		this.config = WebServerConfig.read(TEMPLATE);
		String nobody = "http://127.0.0.1:" + this.stoppedFunctionPort;
		this.gateway = new Gateway(0, this.web, this.config, Map.of("todo", nobody, "chat", nobody, "mcp", nobody));
	}

	@AfterEach
	void stop() {
		this.gateway.close();
	}

	@Test
	void servesTheAppAtTheRootAndRevalidatesIt() throws Exception {
		HttpResponse<String> page = get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("the app");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	@Test
	void servesHashedBuildOutputAsImmutable() throws Exception {
		HttpResponse<String> script = get("/_next/static/chunks/app-1a2b.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("console.log");
		assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
	}

	@Test
	void answersAMissingBuildFileWithAProblemNotWithTheApp() throws Exception {
		HttpResponse<String> missing = get("/_next/static/chunks/gone.js");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void servesAPageByItsNameAndTheAppForTheAppsOwnRoutes() throws Exception {
		assertThat(get("/about").body()).contains("about");
		assertThat(get("/tasks/42").body()).contains("the app");
	}

	@Test
	void sendsTheTemplatesSecurityHeadersOnEveryAnswer() throws Exception {
		assertThat(this.config.headers()).containsKeys("Content-Security-Policy", "X-Frame-Options");
		for (String path : new String[] { "/", "/healthz", "/_next/static/chunks/gone.js", "/api/todo/listTasks" }) {
			HttpResponse<String> answer = get(path);
			this.config.headers()
				.forEach((name, value) -> assertThat(answer.headers().firstValue(name)).as(name + " on " + path)
					.hasValue(value));
		}
	}

	@Test
	void compressesTextForClientsThatAcceptIt() throws Exception {
		Files.writeString(this.web.resolve("index.html"), "<html>" + "the app ".repeat(200) + "</html>");
		HttpResponse<byte[]> page = this.http.send(
				HttpRequest.newBuilder(URI.create(this.gateway.url() + "/")).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	@Test
	void answersAStoppedFunctionWithABadGatewayProblem() throws Exception {
		HttpResponse<String> answer = this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway.url() + "/api/todo/listTasks"))
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("The todo function is not reachable");
	}

	@Test
	void answersTheTemplatesHealthLocationAsNginxDoes() throws Exception {
		assertThat(this.config.answers()).extracting(WebServerConfig.FixedAnswer::location).containsExactly("/healthz");
		HttpResponse<String> health = get("/healthz");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(health.body()).isEqualTo("ok\n");
	}

	@Test
	void leavesTheCachingOfFunctionAnswersToTheFunctionsAsTheTemplatesMapSays() {
		assertThat(this.config.cacheControl().of("/api/todo/listTasks")).isEmpty();
		assertThat(this.config.cacheControl().of("/mcp")).isEmpty();
		assertThat(this.config.cacheControl().of("/mcpx")).isEqualTo("no-cache");
	}

	@Test
	void routesTheTemplatesFunctionLocations() {
		assertThat(this.config.routes()).extracting(WebServerConfig.Route::function)
			.containsExactlyInAnyOrder("todo", "chat", "mcp");
		WebServerConfig.Route todo = this.config.routes()
			.stream()
			.filter((route) -> route.function().equals("todo"))
			.findFirst()
			.orElseThrow();
		assertThat(todo.rewrite("/api/todo/listTasks")).isEqualTo("/listTasks");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.gateway.url() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
