package dev.todobot.todoctl.cli;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Opens a client for a kubeconfig context; tests hand in a mock server's client instead.
 */
@FunctionalInterface
public interface ClusterConnector {

	/**
	 * Connects to the cluster of a kubeconfig context.
	 * @param context the context's name, {@code null} for the current context
	 * @return a client; the connector owns it and closes it
	 */
	KubernetesClient connect(String context);

}
