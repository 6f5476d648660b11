package dev.todobot.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.todobot.parity.Dockerfile.Instruction;
import dev.todobot.parity.Dockerfile.Stage;

/**
 * Builds the images of functions/Dockerfile and web/Dockerfile the way their instructions
 * say, without Docker: each instruction of the runtime stage is read from the Dockerfile
 * ({@code ENV}, {@code WORKDIR}, {@code COPY}, {@code USER}, {@code RUN} with its bind
 * mounts, {@code ENTRYPOINT}, {@code CMD}), and {@code RUN} runs in a sandbox as the
 * stage's user at that point, so the AOT cache is trained as the image build trains it.
 * <p>
 * What stands for what: the Maven reactor running this has built the jars and the web
 * export already, so build-stage {@code RUN}s that call {@code ./mvnw} or {@code npm} are
 * not run again (the others, such as the jar extraction, are); the base images are the
 * node's own: Temurin 25 (the same build as the image's JRE) at /opt/java/openjdk with
 * the Temurin image's environment, and Debian's nginx with its /etc/nginx and a
 * /docker-entrypoint.sh that does what the nginx image's does (envsubst of the templates
 * with {@code NGINX_ENVSUBST_FILTER}, then exec).
 */
final class ImageBuilder {

	static final Path JDK = Path.of(System.getProperty("java.home"));

	private static final String JRE_HOME = "/opt/java/openjdk";

	/**
	 * The environment of the eclipse-temurin image, but for the locale: the image's
	 * en_US.UTF-8 may be missing on the node (PostgreSQL's initdb in the AOT training
	 * then fails), and C.UTF-8 has the same encoding.
	 */
	private static final Map<String, String> TEMURIN_ENVIRONMENT = Map.of("JAVA_HOME", JRE_HOME, "PATH",
			JRE_HOME + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG", "C.UTF-8",
			"LANGUAGE", "en_US:en", "LC_ALL", "C.UTF-8");

	/** The environment of the nginx-unprivileged image. */
	private static final Map<String, String> NGINX_ENVIRONMENT = Map.of("PATH",
			"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

	private static final String NGINX_ENTRYPOINT = """
			#!/bin/sh
			# Stands for the nginx image's /docker-entrypoint.sh and its 20-envsubst-on-templates.sh:
			# renders /etc/nginx/templates/*.template into NGINX_ENVSUBST_OUTPUT_DIR, substituting only
			# the variables whose names match NGINX_ENVSUBST_FILTER, then runs the command.
			set -e
			if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
			  template_dir="${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
			  suffix="${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
			  output_dir="${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"
			  filter="${NGINX_ENVSUBST_FILTER:-}"
			  defined_envs=$(printf '${%s} ' $(awk "END { for (name in ENVIRON) { print ( name ~ /${filter}/ ) ? name : \\"\\" } }" < /dev/null))
			  for template in "$template_dir"/*"$suffix"; do
			    [ -f "$template" ] || continue
			    output_path="$output_dir/$(basename "$template" "$suffix")"
			    envsubst "$defined_envs" < "$template" > "$output_path"
			  done
			fi
			exec "$@"
			""";

	private final Path repository;

	private final Path work;

	ImageBuilder(Path repository, Path work) {
		this.repository = repository;
		this.work = work;
	}

	/**
	 * The image of one function, built by functions/Dockerfile with
	 * {@code --build-arg FUNCTION=name}; a build with the same inputs is reused.
	 * @param function todo, mcp, chat or reminders
	 * @return the image
	 */
	Image function(String function) {
		Path dockerfile = this.repository.resolve("functions/Dockerfile");
		Path jar = this.repository.resolve("functions/" + function + "/target/" + function + ".jar");
		Path trainer = this.repository.resolve("functions/aot-training/target/aot-training-exec.jar");
		Path mcpJar = this.repository.resolve("functions/mcp/target/mcp.jar");
		for (Path required : List.of(jar, trainer, mcpJar)) {
			if (!Files.isRegularFile(required)) {
				throw new IllegalStateException(
						required + " is missing: build the functions first (./mvnw -B package)");
			}
		}
		Path root = this.work.resolve(function);
		String stamp = digest(dockerfile, jar, trainer, mcpJar);
		Path stampFile = root.resolve("stamp");
		Path workspace = root.resolve("workspace");
		Path rootfs = root.resolve("rootfs");
		boolean reuse = Files.isRegularFile(stampFile) && read(stampFile).equals(stamp);
		if (!reuse) {
			deleteRecursively(root);
			createDirectories(workspace);
			createDirectories(rootfs);
			link(workspace.resolve("functions"), this.repository.resolve("functions"));
		}
		Dockerfile file = Dockerfile.read(dockerfile);
		Map<String, String> buildArgs = Map.of("FUNCTION", function);
		List<String> notes = new ArrayList<>();
		Stage build = stage(file, "build");
		Map<String, String> buildStageArgs = new LinkedHashMap<>(file.globalArgs());
		buildStageArgs.putAll(build.args(buildArgs));
		if (!reuse) {
			for (Instruction instruction : build.all("RUN")) {
				String command = Dockerfile.expand(withoutFlags(instruction.arguments()).command(), buildStageArgs);
				if (command.contains("./mvnw")) {
					continue;
				}
				Map<String, String> environment = new LinkedHashMap<>(TEMURIN_ENVIRONMENT);
				environment.put("PATH", JDK.resolve("bin") + ":/usr/sbin:/usr/bin:/sbin:/bin");
				runOnNode(command, workspace, environment);
			}
		}
		notes.add("build stage: the jars come from this Maven build (its ./mvnw RUN is not run again)");
		notes.add("base image: the node's Temurin " + Runtime.version() + " at " + JRE_HOME
				+ ", locale C.UTF-8 for en_US.UTF-8");
		Builder image = new Builder(function, rootfs, TEMURIN_ENVIRONMENT, "0");
		image.layers.put(JRE_HOME, JDK);
		image.addDirectory("/tmp", "1777");
		image.addAccounts(reuse);
		Map<String, Path> stages = Map.of("build", workspace.toAbsolutePath());
		image.apply(file.finalStage(), file, buildArgs, stages, this.repository.resolve("functions"), !reuse, notes);
		Path notesFile = root.resolve("notes");
		if (reuse) {
			// what the build that is reused noted (a known defect it met, say)
			notes.clear();
			notes.addAll(List.of(read(notesFile).split("\n")));
		}
		Image built = image.build(notes);
		if (!reuse) {
			write(notesFile, String.join("\n", built.notes()));
			write(stampFile, stamp);
		}
		return built;
	}

	/**
	 * The web image, built by web/Dockerfile; its build stage's output is the static
	 * export that the web module's Maven build made (web/out).
	 * @return the image
	 */
	Image web() {
		Path context = this.repository.resolve("web");
		Path export = context.resolve("out");
		if (!Files.isRegularFile(export.resolve("index.html"))) {
			throw new IllegalStateException(export + " is missing: build the web module first (./mvnw -B package)");
		}
		Path root = this.work.resolve("web");
		deleteRecursively(root);
		Path rootfs = root.resolve("rootfs");
		createDirectories(rootfs);
		List<String> notes = new ArrayList<>();
		notes.add("build stage: web/out from this Maven build's npm run build");
		notes.add("base image: Debian's nginx (" + Shell.attempt("/usr/sbin/nginx", "-v").output().strip()
				+ ") with its /etc/nginx; /docker-entrypoint.sh does the nginx image's envsubst step");
		Builder image = new Builder("web", rootfs, NGINX_ENVIRONMENT, "101");
		image.addDirectory("/etc/nginx", null);
		copyRecursively(Path.of("/etc/nginx"), image.layer("/etc/nginx"));
		Path entrypoint = rootfs.resolve("docker-entrypoint.sh");
		write(entrypoint, NGINX_ENTRYPOINT);
		setPermissions(entrypoint, "rwxr-xr-x");
		image.layers.put("/docker-entrypoint.sh", entrypoint);
		image.entrypoint = List.of("/docker-entrypoint.sh");
		image.cmd = List.of("nginx", "-g", "daemon off;");
		Dockerfile file = Dockerfile.read(context.resolve("Dockerfile"));
		image.apply(file.finalStage(), file, Map.of(), Map.of("build", context.toAbsolutePath()), context, false,
				notes);
		return image.build(notes);
	}

	private static Stage stage(Dockerfile file, String name) {
		return file.stages()
			.stream()
			.filter((stage) -> name.equals(stage.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no stage " + name));
	}

	/**
	 * An image being assembled: its directories under rootfs, and its configuration.
	 */
	private final class Builder {

		private final String name;

		private final Path rootfs;

		private final Map<String, Path> layers = new LinkedHashMap<>();

		private final Map<String, String> environment;

		private final List<String> notes = new ArrayList<>();

		private String user;

		private String workingDirectory = "/";

		private List<String> entrypoint = List.of();

		private List<String> cmd = List.of();

		Builder(String name, Path rootfs, Map<String, String> baseEnvironment, String baseUser) {
			this.name = name;
			this.rootfs = rootfs;
			this.environment = new LinkedHashMap<>(baseEnvironment);
			this.user = baseUser;
		}

		/**
		 * The base image's /etc/passwd and /etc/group as files of the image (the node's,
		 * which like the Temurin image's have no entry for uid 10001), so that a RUN may
		 * add a user.
		 */
		void addAccounts(boolean reuse) {
			for (String file : List.of("/etc/passwd", "/etc/group")) {
				Path copy = this.rootfs.resolve(file.substring(1));
				if (!reuse) {
					createDirectories(copy.getParent());
					try {
						Files.copy(Path.of(file), copy, StandardCopyOption.REPLACE_EXISTING);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
				this.layers.put(file, copy);
			}
		}

		void addDirectory(String target, String permissions) {
			Path directory = this.rootfs.resolve(target.substring(1));
			createDirectories(directory);
			if (permissions != null && permissions.equals("1777")) {
				Shell.run("chmod", "1777", directory.toString());
			}
			this.layers.put(target, directory);
		}

		/**
		 * The node directory that holds an image path, made a layer of its own if needed.
		 */
		Path layer(String target) {
			for (Map.Entry<String, Path> layer : this.layers.entrySet()) {
				if (target.equals(layer.getKey()) || target.startsWith(layer.getKey() + "/")) {
					return layer.getValue().resolve(Path.of(layer.getKey()).relativize(Path.of(target)).toString());
				}
			}
			addDirectory(target, null);
			return this.layers.get(target);
		}

		void apply(Stage stage, Dockerfile file, Map<String, String> buildArgs, Map<String, Path> stages, Path context,
				boolean runCommands, List<String> notes) {
			Map<String, String> args = new LinkedHashMap<>(file.globalArgs());
			args.putAll(stage.args(buildArgs));
			for (Instruction instruction : stage.instructions()) {
				String arguments = Dockerfile.expand(instruction.arguments(), args);
				switch (instruction.keyword()) {
					case "ENV" -> this.environment.putAll(parseEnv(arguments));
					case "WORKDIR" -> {
						this.workingDirectory = arguments.strip();
						layer(this.workingDirectory);
					}
					case "USER" -> this.user = arguments.strip();
					case "COPY" -> copy(arguments, stages, context);
					case "RUN" -> {
						if (runCommands) {
							run(withoutFlags(arguments), stages);
						}
						else if (!this.name.equals("web")) {
							notes.add("reused: " + abbreviate(arguments));
						}
						else {
							notes.add(
									"not run (removes a file of the base image that Debian's nginx layout does not have): "
											+ abbreviate(arguments));
						}
					}
					case "ENTRYPOINT" -> {
						this.entrypoint = parseExecForm(arguments);
						this.cmd = List.of();
					}
					case "CMD" -> this.cmd = parseExecForm(arguments);
					default -> {
						// ARG is read above; LABEL and EXPOSE change nothing at run time
					}
				}
			}
		}

		private void copy(String arguments, Map<String, Path> stages, Path context) {
			Command copy = withoutFlags(arguments);
			List<String> words = List.of(copy.command().strip().split("\\s+"));
			String destination = words.get(words.size() - 1);
			if (!destination.startsWith("/")) {
				destination = this.workingDirectory + "/" + destination;
			}
			destination = Path.of(destination).normalize().toString();
			Path target = layer(destination);
			for (String source : words.subList(0, words.size() - 1)) {
				String from = copy.flags().get("from");
				Path origin;
				if (from != null) {
					// a build stage's /workspace or /app: its directory on the node
					Path stageRoot = stages.get(from);
					String relative = source.replaceFirst("^/(workspace|app)/?", "");
					origin = stageRoot.resolve(relative);
				}
				else {
					origin = context.resolve(source);
				}
				if (Files.isDirectory(origin)) {
					copyRecursively(origin, target);
				}
				else {
					Path file = (Files.isDirectory(target) || destination.endsWith("/"))
							? target.resolve(origin.getFileName().toString()) : target;
					createDirectories(file.getParent());
					try {
						Files.copy(origin, file, StandardCopyOption.REPLACE_EXISTING,
								StandardCopyOption.COPY_ATTRIBUTES);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
		}

		/** A RUN of the runtime stage, in a sandbox of the image so far, as its user. */
		private void run(Command command, Map<String, Path> stages) {
			Sandbox sandbox = new Sandbox().hostname("build")
				.environment(this.environment)
				.user(this.user)
				.workingDirectory(this.workingDirectory);
			this.layers.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((layer) -> sandbox.mount(layer.getValue(), layer.getKey(), !layer.getKey().equals(JRE_HOME)));
			String mount = command.flags().get("mount");
			if (mount != null) {
				Map<String, String> options = new LinkedHashMap<>();
				for (String option : mount.split(",")) {
					String[] keyAndValue = option.split("=", 2);
					options.put(keyAndValue[0], (keyAndValue.length == 2) ? keyAndValue[1] : "");
				}
				Path stageRoot = stages.get(options.get("from"));
				Path source = stageRoot.resolve(options.get("source").replaceFirst("^/(workspace|app)/?", ""));
				try {
					sandbox.mount(source.toRealPath(), options.get("target"), false);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			List<String> process = sandbox.command(List.of("/bin/sh", "-c", command.command()));
			Shell.Result result = Shell.attempt(process);
			if (result.exitCode() != 0) {
				throw new IllegalStateException("RUN " + abbreviate(command.command()) + " failed in the " + this.name
						+ " image (" + result.exitCode() + "):\n" + result.output());
			}
		}

		Image build(List<String> notes) {
			notes.addAll(this.notes);
			List<Image.Layer> layers = this.layers.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map((layer) -> new Image.Layer(layer.getValue(), layer.getKey()))
				.toList();
			return new Image(this.name, layers, Map.copyOf(this.environment), this.user, this.workingDirectory,
					this.entrypoint, this.cmd, List.copyOf(notes));
		}

	}

	/**
	 * An instruction's {@code --flag=value} words and the rest.
	 */
	record Command(Map<String, String> flags, String command) {
	}

	static Command withoutFlags(String arguments) {
		Map<String, String> flags = new LinkedHashMap<>();
		String rest = arguments.strip();
		while (rest.startsWith("--")) {
			int end = rest.indexOf(' ');
			String flag = rest.substring(2, (end < 0) ? rest.length() : end);
			String[] nameAndValue = flag.split("=", 2);
			flags.put(nameAndValue[0], (nameAndValue.length == 2) ? nameAndValue[1] : "");
			rest = (end < 0) ? "" : rest.substring(end).strip();
		}
		return new Command(flags, rest);
	}

	/**
	 * {@code ENV} in its {@code NAME=value ...} form: values may be double-quoted, and a
	 * backslash takes the next character as it is.
	 */
	static Map<String, String> parseEnv(String arguments) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String word : words(arguments)) {
			String[] nameAndValue = word.split("=", 2);
			if (nameAndValue.length == 2) {
				environment.put(nameAndValue[0], nameAndValue[1]);
			}
		}
		return environment;
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean quoted = false;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				word.append(text.charAt(++i));
				inWord = true;
			}
			else if (c == '"') {
				quoted = !quoted;
				inWord = true;
			}
			else if (Character.isWhitespace(c) && !quoted) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				word.append(c);
				inWord = true;
			}
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

	/** The JSON array form of ENTRYPOINT and CMD. */
	static List<String> parseExecForm(String arguments) {
		String text = arguments.strip();
		if (!text.startsWith("[")) {
			return List.of("/bin/sh", "-c", text);
		}
		List<String> values = new ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
		while (matcher.find()) {
			values.add(matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
		}
		return List.copyOf(values);
	}

	private static void runOnNode(String command, Path directory, Map<String, String> environment) {
		try {
			ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(directory.toFile())
				.redirectErrorStream(true);
			builder.environment().putAll(environment);
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("RUN " + abbreviate(command) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String digest(Path... files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path file : files) {
				digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
				digest.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.UTF_8));
				digest
					.update(Long.toString(Files.getLastModifiedTime(file).toMillis()).getBytes(StandardCharsets.UTF_8));
			}
			digest.update(Files.readAllBytes(files[0]));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviate(String text) {
		String line = text.replaceAll("\\s+", " ").strip();
		return (line.length() > 120) ? line.substring(0, 120) + "..." : line;
	}

	static void copyRecursively(Path source, Path target) {
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.createDirectories(copy.getParent());
					Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Deletes a directory and all in it, links themselves but not what they point to.
	 * @param directory the directory; nothing happens when it does not exist
	 */
	static void deleteRecursively(Path directory) {
		if (!Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void createDirectories(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void link(Path link, Path target) {
		try {
			Files.createSymbolicLink(link, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void setPermissions(Path file, String permissions) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
