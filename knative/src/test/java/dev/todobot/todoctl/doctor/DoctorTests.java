package dev.todobot.todoctl.doctor;

import java.net.ConnectException;
import java.util.List;

import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@EnableKubernetesMockClient
class DoctorTests {

	KubernetesClient client;

	@Test
	void turnsACheckTheUserMayNotRunIntoAWarningAndRunsTheOthers() {
		Doctor doctor = new Doctor(List.of(check("Kourier", () -> {
			throw new KubernetesClientException(new StatusBuilder().withCode(403)
				.withMessage("deployments.apps is forbidden: User \"dev\" cannot list resource \"deployments\"")
				.build());
		}), check("pods", () -> List.of(Finding.error("pod/chat-1", "crash-looping", "read the logs")))));

		Diagnosis diagnosis = doctor.examine(new Cluster(this.client, "todo-app"));

		assertThat(diagnosis.findings())
			.containsExactly(Finding.error("pod/chat-1", "crash-looping", "read the logs"), Finding.warning(
					"check/Kourier",
					"not allowed to read what this check needs: deployments.apps is forbidden: User \"dev\" cannot list resource \"deployments\"",
					"run with a context that may get and list these resources (--context)"));
	}

	@Test
	void stopsWhenTheClusterCannotBeReached() {
		KubernetesClientException unreachable = new KubernetesClientException("Connection refused",
				new ConnectException("Connection refused"));
		Doctor doctor = new Doctor(List.of(check("Kourier", () -> {
			throw unreachable;
		})));

		assertThatExceptionOfType(KubernetesClientException.class)
			.isThrownBy(() -> doctor.examine(new Cluster(this.client, "todo-app")))
			.isSameAs(unreachable);
	}

	@Test
	void isHealthyWithWarningsButNotWithAnError() {
		Diagnosis warned = new Diagnosis(List.of("a"), List.of(Finding.warning("x", "y", null)));
		Diagnosis failed = new Diagnosis(List.of("a"), List.of(Finding.error("x", "y", null)));

		assertThat(warned.healthy()).isTrue();
		assertThat(failed.healthy()).isFalse();
	}

	private static Check check(String name, java.util.function.Supplier<List<Finding>> findings) {
		return new Check() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public List<Finding> run(Cluster cluster) {
				return findings.get();
			}

		};
	}

}
