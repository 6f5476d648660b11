package dev.todobot.charts;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knative-serving add-on chart: a KnativeServing and a KnativeEventing resource for
 * the Knative Operator.
 */
class KnativeServingChartTests {

	private final GenericKubernetesResource serving = knativeServing(Map.of());

	@Test
	void rendersKnativeServingAndKnativeEventingInItsOwnNamespace() {
		assertThat(Charts.template(Charts.KNATIVE_SERVING, Map.of()).names()).containsExactlyInAnyOrder(
				"KnativeServing/knative-serving", "Namespace/knative-eventing", "KnativeEventing/knative-eventing");
		assertThat(this.serving.getApiVersion()).isEqualTo("operator.knative.dev/v1beta1");
		GenericKubernetesResource eventing = knativeEventing(Map.of());
		assertThat(eventing.getApiVersion()).isEqualTo("operator.knative.dev/v1beta1");
		assertThat(eventing.getMetadata().getNamespace()).isEqualTo("knative-eventing");
	}

	@Test
	void leavesEventingOutWhenDisabled() {
		assertThat(Charts.template(Charts.KNATIVE_SERVING, Map.of("eventing.enabled", false)).names())
			.containsExactly("KnativeServing/knative-serving");
	}

	@Test
	void usesAnEventingNamespaceThatExistsAlready() {
		assertThat(Charts.template(Charts.KNATIVE_SERVING, Map.of("eventing.createNamespace", false)).names())
			.containsExactlyInAnyOrder("KnativeServing/knative-serving", "KnativeEventing/knative-eventing");
	}

	@Test
	void brokersDefaultToTheChannelBasedBrokerOnTheInMemoryChannel() {
		GenericKubernetesResource eventing = knativeEventing(Map.of());
		assertThat((String) eventing.get("spec", "defaultBrokerClass")).isEqualTo("MTChannelBasedBroker");
		assertThat((String) eventing.get("spec", "config", "br-default-channel", "channel-template-spec"))
			.isEqualTo("apiVersion: messaging.knative.dev/v1\nkind: InMemoryChannel\n");
		assertThat((String) eventing.get("spec", "config", "default-ch-webhook", "default-ch-config"))
			.isEqualTo("clusterDefault:\n  apiVersion: messaging.knative.dev/v1\n  kind: InMemoryChannel\n");
	}

	@Test
	void kafkaBrokersGetTheirBootstrapServersAndTopicSettings() {
		Manifests manifests = Charts.template(Charts.KNATIVE_SERVING, "knative-serving",
				Map.of("eventing.defaultBrokerClass", "Kafka", "eventing.kafka.bootstrapServers",
						"my-cluster-kafka-bootstrap.kafka:9092"));
		GenericKubernetesResource eventing = manifests.generic("KnativeEventing", "knative-eventing").orElseThrow();
		assertThat((String) eventing.get("spec", "defaultBrokerClass")).isEqualTo("Kafka");
		assertThat((String) eventing.get("spec", "config", "br-defaults", "default-br-config"))
			.contains("brokerClass: Kafka", "name: kafka-broker-config", "namespace: knative-eventing");
		assertThat(manifests.configMap("kafka-broker-config").getData())
			.containsEntry("bootstrap.servers", "my-cluster-kafka-bootstrap.kafka:9092")
			.containsEntry("default.topic.partitions", "10")
			.containsEntry("default.topic.replication.factor", "3");
	}

	@Test
	void refusesKafkaBrokersWithoutBootstrapServers() {
		assertThat(Charts.templateError(Charts.KNATIVE_SERVING, Map.of("eventing.defaultBrokerClass", "Kafka")))
			.contains("eventing.kafka.bootstrapServers is required with eventing.defaultBrokerClass Kafka");
	}

	@Test
	void refusesABrokerClassItCannotSetUp() {
		assertThat(Charts.schemaViolations(Charts.KNATIVE_SERVING,
				Map.of("eventing.defaultBrokerClass", "RabbitMQBroker")))
			.contains("defaultBrokerClass");
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
			.contains("kubectl wait knativeserving/knative-serving")
			.contains("kubectl wait knativeeventing/knative-eventing -n knative-eventing");
	}

	private Map<String, Object> config(String name) {
		return this.serving.get("spec", "config", name);
	}

	private static GenericKubernetesResource knativeEventing(Map<String, ?> values) {
		return Charts.template(Charts.KNATIVE_SERVING, "knative-serving", values)
			.generic("KnativeEventing", "knative-eventing")
			.orElseThrow();
	}

	private static GenericKubernetesResource knativeServing(Map<String, ?> values) {
		return Charts.template(Charts.KNATIVE_SERVING, "knative-serving", values)
			.generic("KnativeServing", "knative-serving")
			.orElseThrow();
	}

}
