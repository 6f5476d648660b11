package dev.todobot.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the gateway takes from the web container's nginx configuration
 * ({@code web/nginx/default.conf.template}), so that the run command routes and answers
 * as the cluster's front does, from one source: the security headers of every answer, and
 * the locations that go to a function, with their rewrites.
 *
 * @param headers the {@code add_header ... always} headers, by name
 * @param routes the proxied locations, in the template's order
 */
record WebServerConfig(Map<String, String> headers, List<Route> routes) {

	private static final Pattern ALWAYS_HEADER = Pattern.compile("^\\s*add_header\\s+(\\S+)\\s+\"([^\"]*)\"\\s+always;",
			Pattern.MULTILINE);

	private static final Pattern LOCATION = Pattern.compile("^\\s*location\\s+(=\\s*)?(\\S+)\\s*\\{([^}]*)}",
			Pattern.MULTILINE);

	private static final Pattern PROXY_PASS = Pattern.compile("proxy_pass\\s+\\$(\\w+)_url;");

	private static final Pattern REWRITE = Pattern.compile("rewrite\\s+(\\S+)\\s+(\\S+)\\s+break;");

	/**
	 * Reads the template.
	 * @param template the nginx server template
	 * @return its headers and function routes
	 */
	static WebServerConfig read(Path template) throws IOException {
		String text = Files.readString(template, StandardCharsets.UTF_8);
		Map<String, String> headers = new LinkedHashMap<>();
		for (Matcher header = ALWAYS_HEADER.matcher(text); header.find();) {
			headers.put(header.group(1), header.group(2));
		}
		List<Route> routes = new ArrayList<>();
		for (Matcher location = LOCATION.matcher(text); location.find();) {
			Matcher proxy = PROXY_PASS.matcher(location.group(3));
			if (proxy.find()) {
				Matcher rewrite = REWRITE.matcher(location.group(3));
				boolean rewrites = rewrite.find();
				routes.add(new Route(proxy.group(1), location.group(2), location.group(1) != null,
						rewrites ? Pattern.compile(rewrite.group(1)) : null, rewrites ? rewrite.group(2) : null));
			}
		}
		if (headers.isEmpty() || routes.isEmpty()) {
			throw new IllegalStateException(template + " has no security headers or no proxied locations");
		}
		return new WebServerConfig(headers, routes);
	}

	/**
	 * A location that nginx proxies to a function.
	 *
	 * @param function the function, from the {@code $<function>_url} it passes to
	 * @param location the location's path
	 * @param exact whether only that path matches ({@code location = /mcp}), or every
	 * path under it
	 * @param rewrite the path's rewrite, or {@code null} to pass it as it is
	 * @param replacement what the rewrite puts in its place
	 */
	record Route(String function, String location, boolean exact, Pattern rewrite, String replacement) {

		/**
		 * The path the function sees.
		 * @param path the request's path
		 * @return the path after the location's rewrite
		 */
		String rewrite(String path) {
			return (this.rewrite != null) ? this.rewrite.matcher(path).replaceFirst(this.replacement) : path;
		}

	}

}
