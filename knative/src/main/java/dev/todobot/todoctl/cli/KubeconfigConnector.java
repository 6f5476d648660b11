package dev.todobot.todoctl.cli;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Connects the way kubectl does: kubeconfig ({@code KUBECONFIG} or
 * {@code ~/.kube/config}), or the service account when running in a pod.
 */
public final class KubeconfigConnector implements ClusterConnector, AutoCloseable {

	// fabric8 retries a failed request ten times with backoff by default; a person
	// waiting
	// at a prompt wants to hear that the cluster is down within seconds
	private static final int REQUEST_RETRIES = 1;

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private final List<KubernetesClient> clients = new ArrayList<>();

	@Override
	public KubernetesClient connect(String context) {
		Config config = Config.autoConfigure(context);
		config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
		config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
		KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
		this.clients.add(client);
		return client;
	}

	@Override
	public void close() {
		this.clients.forEach(KubernetesClient::close);
	}

}
