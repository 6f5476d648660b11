package dev.todobot.parity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client outside the cluster: every request goes to Kourier (the gateway on port 80 of
 * the node's bridge address) with the Host of the service's external URL, as curl on the
 * README's {@code NAME.NAMESPACE.127.0.0.1.sslip.io} URLs would.
 */
final class Client {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern ID = Pattern.compile("^\\{\"id\"\\s*:\\s*(\\d+)");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static String host(String service) {
		return service + "." + PodParity.NAMESPACE + ".127.0.0.1.sslip.io";
	}

	/**
	 * POSTs JSON to a service through the gateway.
	 * @param service todo, mcp, chat or web
	 * @param path the path
	 * @param token a bearer token, or {@code null}
	 * @param json the body
	 * @return the answer
	 */
	HttpResponse<String> post(String service, String path, String token, String json) {
		return post(service, path, token, json, "application/json");
	}

	HttpResponse<String> post(String service, String path, String token, String json, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + PodNetwork.SERVICES_ADDRESS + path))
			.timeout(Duration.ofSeconds(120))
			.header("Host", host(service))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	HttpResponse<String> get(String service, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://" + PodNetwork.SERVICES_ADDRESS + path))
			.timeout(Duration.ofSeconds(120))
			.header("Host", host(service))
			.GET()
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Signs up through todo and returns the token, waiting as a 503's {@code Retry-After}
	 * asks, as the web UI does.
	 * @param email the e-mail
	 * @return the bearer token
	 */
	String signUp(String email) {
		String body = "{\"email\":\"" + email + "\",\"password\":\"correct horse\",\"name\":\"Ada\"}";
		HttpResponse<String> answer = post("todo", "/signup", null, body);
		for (int attempt = 1; attempt < 10 && answer.statusCode() == 503; attempt++) {
			long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
			try {
				Thread.sleep(Duration.ofSeconds(seconds));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			answer = post("todo", "/signup", null, body);
		}
		return token(answer);
	}

	static String token(HttpResponse<String> response) {
		Matcher matcher = TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !matcher.find()) {
			throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
		}
		return matcher.group(1);
	}

	static long id(HttpResponse<String> response) {
		Matcher matcher = ID.matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("no id: " + response.statusCode() + " " + response.body());
		}
		return Long.parseLong(matcher.group(1));
	}

}
