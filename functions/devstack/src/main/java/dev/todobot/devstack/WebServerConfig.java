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
 * as the cluster's front does, from one source: the security headers of every answer, the
 * locations that go to a function, with their rewrites, and those that nginx answers
 * itself ({@code /healthz}), and the caching of the web export.
 *
 * @param headers the {@code add_header ... always} headers, by name
 * @param routes the proxied locations, in the template's order
 * @param answers the locations answered with a fixed {@code return}
 * @param cacheControl the {@code Cache-Control} the template's
 * {@code map $request_uri $web_cache_control} gives each request
 */
record WebServerConfig(Map<String, String> headers, List<Route> routes, List<FixedAnswer> answers,
		CacheControl cacheControl) {

	private static final Pattern ALWAYS_HEADER = Pattern.compile("^\\s*add_header\\s+(\\S+)\\s+\"([^\"]*)\"\\s+always;",
			Pattern.MULTILINE);

	private static final Pattern LOCATION = Pattern.compile("^\\s*location\\s+(=\\s*)?(\\S+)\\s*\\{([^}]*)}",
			Pattern.MULTILINE);

	private static final Pattern PROXY_PASS = Pattern.compile("proxy_pass\\s+\\$(\\w+)_url;");

	private static final Pattern REWRITE = Pattern.compile("rewrite\\s+(\\S+)\\s+(\\S+)\\s+break;");

	private static final Pattern RETURN = Pattern.compile("return\\s+(\\d{3})\\s+\"((?:[^\"\\\\]|\\\\.)*)\";");

	private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

	private static final Pattern CACHE_CONTROL_MAP = Pattern
		.compile("^\\s*map\\s+\\$request_uri\\s+\\$web_cache_control\\s*\\{([^}]*)}", Pattern.MULTILINE);

	private static final Pattern MAP_ENTRY = Pattern.compile("^\\s*(\\S+)\\s+\"([^\"]*)\";", Pattern.MULTILINE);

	private static final Pattern DEFAULT_TYPE = Pattern.compile("default_type\\s+(\\S+);");

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
		List<FixedAnswer> answers = new ArrayList<>();
		for (Matcher location = LOCATION.matcher(text); location.find();) {
			Matcher proxy = PROXY_PASS.matcher(location.group(3));
			Matcher answer = RETURN.matcher(location.group(3));
			if (answer.find()) {
				Matcher type = DEFAULT_TYPE.matcher(location.group(3));
				answers.add(new FixedAnswer(location.group(2), Integer.parseInt(answer.group(1)),
						type.find() ? type.group(1) : "text/plain", unescape(answer.group(2))));
			}
			else if (proxy.find()) {
				Matcher rewrite = REWRITE.matcher(location.group(3));
				boolean rewrites = rewrite.find();
				routes.add(new Route(proxy.group(1), location.group(2), location.group(1) != null,
						rewrites ? Pattern.compile(rewrite.group(1)) : null, rewrites ? rewrite.group(2) : null));
			}
		}
		Matcher cacheMap = CACHE_CONTROL_MAP.matcher(text);
		if (headers.isEmpty() || routes.isEmpty() || !cacheMap.find()) {
			throw new IllegalStateException(
					template + " has no security headers, no proxied locations or no $web_cache_control map");
		}
		return new WebServerConfig(headers, routes, answers, CacheControl.read(cacheMap.group(1)));
	}

	/**
	 * A quoted nginx string's text: nginx reads {@code \n}, {@code \r}, {@code \t} and an
	 * escaped quote or backslash in it.
	 */
	private static String unescape(String quoted) {
		return ESCAPE.matcher(quoted).replaceAll((escape) -> Matcher.quoteReplacement(switch (escape.group(1)) {
			case "n" -> "\n";
			case "r" -> "\r";
			case "t" -> "\t";
			default -> escape.group(1);
		}));
	}

	/**
	 * An exact location that nginx answers itself, such as {@code location = /healthz}.
	 *
	 * @param location the location's path
	 * @param status the status it returns
	 * @param contentType its {@code default_type}
	 * @param body the text it returns
	 */
	record FixedAnswer(String location, int status, String contentType, String body) {

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

	/**
	 * The template's {@code map} from the request URI to a {@code Cache-Control} value:
	 * the first matching {@code ~regex} entry, else the default; an empty value sends no
	 * header, as with nginx's {@code add_header}.
	 *
	 * @param entries the regular expressions and their values, in the map's order
	 * @param fallback the {@code default} value
	 */
	record CacheControl(Map<Pattern, String> entries, String fallback) {

		static CacheControl read(String block) {
			Map<Pattern, String> entries = new LinkedHashMap<>();
			String fallback = "";
			for (Matcher entry = MAP_ENTRY.matcher(block); entry.find();) {
				if (entry.group(1).equals("default")) {
					fallback = entry.group(2);
				}
				else if (entry.group(1).startsWith("~")) {
					entries.put(Pattern.compile(entry.group(1).substring(1)), entry.group(2));
				}
			}
			return new CacheControl(entries, fallback);
		}

		/**
		 * The value for a request.
		 * @param requestUri the path and query, as nginx's {@code $request_uri}
		 * @return the header's value, or {@code ""} for none
		 */
		String of(String requestUri) {
			return this.entries.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().matcher(requestUri).find())
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(this.fallback);
		}

	}

}
