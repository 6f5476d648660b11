package dev.todobot.charts;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knative-serving add-on chart: one KnativeServing resource for the Knative Operator.
 */
class KnativeServingChartTests {

	private final GenericKubernetesResource serving = knativeServing(Map.of());

	@Test
	void rendersOnlyTheKnativeServingResource() {
		assertThat(Charts.template(Charts.KNATIVE_SERVING, Map.of()).names())
			.containsExactly("KnativeServing/knative-serving");
		assertThat(this.serving.getApiVersion()).isEqualTo("operator.knative.dev/v1beta1");
	}

	@Test
	void enablesKourierAsTheIngress() {
		assertThat((Boolean) this.serving.get("spec", "ingress", "kourier", "enabled")).isTrue();
		assertThat((String) this.serving.get("spec", "ingress", "kourier", "service-type")).isEqualTo("LoadBalancer");
		assertThat(config("network")).containsEntry("ingress-class", "kourier.ingress.networking.knative.dev");
	}

	@Test
	void servesTheSslipDomainOfMinikubeTunnelByDefault() {
		assertThat(config("domain")).containsOnlyKeys("127.0.0.1.sslip.io").containsEntry("127.0.0.1.sslip.io", "");
	}

	@Test
	void servesAConfiguredDomain() {
		GenericKubernetesResource custom = knativeServing(Map.of("domain.name", "apps.example.com"));
		assertThat((Map<String, Object>) custom.get("spec", "config", "domain")).containsOnlyKeys("apps.example.com");
	}

	@Test
	void scalesToZero() {
		assertThat(config("autoscaler")).containsEntry("enable-scale-to-zero", "true")
			.containsEntry("scale-to-zero-grace-period", "30s")
			.containsEntry("allow-zero-initial-scale", "true");
	}

	@Test
	void usesImagesOfTheLocalRegistryByTag() {
		assertThat(List.of(((String) config("deployment").get("registries-skipping-tag-resolving")).split(",")))
			.contains("localhost:5000");
	}

	@Test
	void allowsTheEmptyDirOfTheWebFrontEnd() {
		assertThat(config("features")).containsEntry("kubernetes.podspec-volumes-emptydir", "enabled");
	}

	@Test
	void installsTheOperatorsOwnVersionUnlessOneIsPinned() {
		assertThat(this.serving.<Map<String, Object>>get("spec")).doesNotContainKey("version");
		assertThat((String) knativeServing(Map.of("version", "1.22")).get("spec", "version")).isEqualTo("1.22");
	}

	@Test
	void mergesExtraConfiguration() {
		GenericKubernetesResource custom = knativeServing(
				Map.of("extraConfig.observability.metrics\\.backend-destination", "prometheus"));
		assertThat((Map<String, Object>) custom.get("spec", "config", "observability"))
			.containsEntry("metrics.backend-destination", "prometheus");
	}

	@Test
	void tellsToInstallTheOperatorChartFirst() throws Exception {
		String notes = Charts.notes(Charts.KNATIVE_SERVING, Map.of());
		String appVersion = Files.readAllLines(Charts.chart(Charts.KNATIVE_SERVING).resolve("Chart.yaml"))
			.stream()
			.filter((line) -> line.startsWith("appVersion:"))
			.map((line) -> line.replaceAll("[^0-9.]", ""))
			.findFirst()
			.orElseThrow();
		assertThat(notes).contains("Knative Operator's own chart installed FIRST")
			.contains("knative-operator/knative-operator")
			.contains("--version v" + appVersion)
			.contains("kubectl wait knativeserving/knative-serving");
	}

	private Map<String, Object> config(String name) {
		return this.serving.get("spec", "config", name);
	}

	private static GenericKubernetesResource knativeServing(Map<String, ?> values) {
		return Charts.template(Charts.KNATIVE_SERVING, "knative-serving", values)
			.generic("KnativeServing", "knative-serving")
			.orElseThrow();
	}

}
