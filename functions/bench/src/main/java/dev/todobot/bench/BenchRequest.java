package dev.todobot.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the benchmark sends again and again, and what a good answer contains.
 *
 * @param name what the request does, as the report names it
 * @param method the HTTP method
 * @param path the path, such as {@code /listTasks}
 * @param headers request headers besides {@code Host}, {@code Content-Length} and
 * {@code Content-Type}
 * @param body the JSON body
 * @param marker text a successful answer's body contains
 */
record BenchRequest(String name, String method, String path, Map<String, String> headers, String body, String marker) {

	BenchRequest {
		headers = Map.copyOf(headers);
	}

	static BenchRequest post(String name, String path, String body, String marker) {
		return new BenchRequest(name, "POST", path, Map.of(), body, marker);
	}

	static BenchRequest get(String name, String path, String marker) {
		return new BenchRequest(name, "GET", path, Map.of(), "", marker);
	}

	BenchRequest withBearer(String token) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put("Authorization", "Bearer " + token);
		return new BenchRequest(this.name, this.method, this.path, more, this.body, this.marker);
	}

	BenchRequest withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new BenchRequest(this.name, this.method, this.path, more, this.body, this.marker);
	}

	/**
	 * The request on the wire, ready to be written again and again on a keep-alive
	 * connection.
	 * @param port the server's port on the loopback address
	 * @return the bytes
	 */
	byte[] encode(int port) {
		byte[] content = this.body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder();
		head.append(this.method).append(' ').append(this.path).append(" HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1:").append(port).append("\r\n");
		if (!this.headers.containsKey("Content-Type") && content.length > 0) {
			head.append("Content-Type: application/json\r\n");
		}
		head.append("Content-Length: ").append(content.length).append("\r\n");
		if (!this.headers.containsKey("Accept")) {
			head.append("Accept: application/json\r\n");
		}
		this.headers.forEach((key, value) -> head.append(key).append(": ").append(value).append("\r\n"));
		head.append("\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] request = new byte[start.length + content.length];
		System.arraycopy(start, 0, request, 0, start.length);
		System.arraycopy(content, 0, request, start.length, content.length);
		return request;
	}

	byte[] markerBytes() {
		return this.marker.getBytes(StandardCharsets.UTF_8);
	}

}
