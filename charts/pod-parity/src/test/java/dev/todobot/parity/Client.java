package dev.todobot.parity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client outside the cluster: every request goes to Kourier (the gateway on port 80 of
 * the node's bridge address) with the Host of the service's external URL, as curl on the
 * README's {@code NAME.NAMESPACE.127.0.0.1.sslip.io} URLs would.
 * <p>
 * Every test user is a client of its own on the internet: the gateway is told its address
 * (from 198.18.0.0/15, the range set aside for benchmarks) as a proxy in front of Kourier
 * would, so that todo's sign-in throttle counts users apart, as it would in the cluster,
 * instead of as one address.
 */
final class Client {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern ID = Pattern.compile("^\\{\"id\"\\s*:\\s*(\\d+)");

	private final HttpClient http;

	private final String address;

	Client() {
		this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
				nextAddress());
	}

	private Client(HttpClient http, String address) {
		this.http = http;
		this.address = address;
	}

	/**
	 * Another user, from an address of its own, on the same connections.
	 * @return the client
	 */
	Client anotherUser() {
		return new Client(this.http, nextAddress());
	}

	private static String nextAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
	}

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
			.header("X-Forwarded-For", this.address)
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	/**
	 * POSTs a binary-mode CloudEvent to a service on its cluster-local name, as a Trigger
	 * delivers it.
	 * @param service the Knative Service
	 * @param path the path
	 * @param type the CloudEvent type
	 * @param source the CloudEvent source
	 * @param json the data
	 * @return the answer
	 */
	HttpResponse<String> postEvent(String service, String path, String type, String source, String json) {
		return send(HttpRequest.newBuilder(URI.create("http://" + PodNetwork.SERVICES_ADDRESS + path))
			.timeout(Duration.ofSeconds(120))
			.header("Host", PodParity.clusterHost(service))
			.header("Content-Type", "application/json")
			.header("ce-specversion", "1.0")
			.header("ce-id", UUID.randomUUID().toString())
			.header("ce-type", type)
			.header("ce-source", source)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	HttpResponse<String> get(String service, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://" + PodNetwork.SERVICES_ADDRESS + path))
			.timeout(Duration.ofSeconds(120))
			.header("Host", host(service))
			.header("X-Forwarded-For", this.address)
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
		Client user = anotherUser();
		String body = "{\"email\":\"" + email + "\",\"password\":\"correct horse\",\"name\":\"Ada\"}";
		HttpResponse<String> answer = user.post("todo", "/signup", null, body);
		for (int attempt = 1; attempt < 10 && answer.statusCode() == 503; attempt++) {
			long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
			try {
				Thread.sleep(Duration.ofSeconds(seconds));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			answer = user.post("todo", "/signup", null, body);
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
