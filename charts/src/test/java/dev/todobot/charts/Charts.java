package dev.todobot.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * Renders and lints the charts with real Helm (helm-java's native library).
 * <p>
 * helm-java's {@code template} returns the release manifest only, without the hook
 * resources that {@code helm template} prints too. So that the migration Job and the
 * {@code helm test} pod can be checked, charts are rendered from a copy whose templates
 * carry {@link #HOOK_ANNOTATION} instead of {@code helm.sh/hook}; nothing else differs.
 */
final class Charts {

	/** The charts module, where Maven runs the tests. */
	static final Path MODULE_DIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

	/** The repository root. */
	static final Path REPO_ROOT = MODULE_DIR.getParent();

	static final String TODO_APP = "todo-app";

	static final String KNATIVE_SERVING = "knative-serving";

	static final String RELEASE = "todo-app";

	static final String NAMESPACE = "todo";

	/** Stands for {@code helm.sh/hook} in rendered manifests. */
	static final String HOOK_ANNOTATION = "todobot.dev/helm-hook";

	private static final Map<String, Path> copies = new ConcurrentHashMap<>();

	private Charts() {
	}

	static Path chart(String name) {
		return MODULE_DIR.resolve(name);
	}

	/**
	 * {@code helm template} into {@link #NAMESPACE}.
	 * @param chart the chart's directory name
	 * @param values {@code --set} values
	 * @return the parsed manifests, hooks included
	 */
	static Manifests template(String chart, Map<String, ?> values) {
		return template(chart, NAMESPACE, values);
	}

	/**
	 * {@code helm template} into the given namespace.
	 * @param chart the chart's directory name
	 * @param namespace the release namespace
	 * @param values {@code --set} values
	 * @return the parsed manifests, hooks included
	 */
	static Manifests template(String chart, String namespace, Map<String, ?> values) {
		FakeKubernetesApi.start();
		TemplateCommand command = new Helm(withHooksRendered(chart)).template()
			.withName(RELEASE)
			.withNamespace(namespace);
		values.forEach(command::set);
		return Manifests.parse(command.call());
	}

	/**
	 * {@code helm template} that is expected to fail, such as on values the schema
	 * rejects.
	 * @param chart the chart's directory name
	 * @param values {@code --set} values
	 * @return Helm's error message
	 * @throws AssertionError if the chart renders
	 */
	static String templateError(String chart, Map<String, ?> values) {
		try {
			template(chart, values);
		}
		catch (IllegalStateException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("expected Helm to reject " + values);
	}

	/**
	 * {@code helm template} with values that values.schema.json rejects.
	 * @param chart the chart's directory name
	 * @param values {@code --set} values
	 * @return Helm's list of violations
	 * @throws AssertionError if the chart renders, or fails for another reason
	 */
	static String schemaViolations(String chart, Map<String, ?> values) {
		String error = templateError(chart, values);
		if (!error.startsWith("values don't meet the specifications of the schema")) {
			throw new AssertionError("expected a schema violation, but Helm said: " + error);
		}
		return error;
	}

	/**
	 * The NOTES of a client-side dry-run install, as {@code helm install} would print
	 * them.
	 * @param chart the chart's directory name
	 * @param values {@code --set} values
	 * @return the rendered NOTES.txt
	 */
	static String notes(String chart, Map<String, ?> values) {
		InstallCommand command = new Helm(chart(chart)).install()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.dryRun()
			.withDryRunOption(DryRun.CLIENT)
			.clientOnly();
		values.forEach(command::set);
		String output = command.call().getOutput();
		int notes = output.indexOf("NOTES:");
		return (notes < 0) ? "" : output.substring(notes);
	}

	/**
	 * {@code helm lint --strict}.
	 * @param chart the chart's directory name
	 * @return the result
	 */
	static LintResult lintStrict(String chart) {
		return new Helm(chart(chart)).lint().strict().call();
	}

	private static Path withHooksRendered(String chart) {
		return copies.computeIfAbsent(chart, Charts::copyWithHooksRendered);
	}

	private static Path copyWithHooksRendered(String chart) {
		Path source = chart(chart);
		Path target = MODULE_DIR.resolve("target/helm-test/charts").resolve(chart);
		deleteRecursively(target);
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else if (file.startsWith(source.resolve("templates"))) {
					Files.writeString(copy, Files.readString(file).replace("helm.sh/hook:", HOOK_ANNOTATION + ":"));
				}
				else {
					Files.copy(file, copy);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
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

}
