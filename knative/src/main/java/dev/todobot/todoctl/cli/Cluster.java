package dev.todobot.todoctl.cli;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A connection to the cluster and the namespace the app's release lives in.
 *
 * @param kubernetes the client
 * @param namespace the release namespace
 */
public record Cluster(KubernetesClient kubernetes, String namespace) {

	public Cluster {
		if (kubernetes == null) {
			throw new IllegalArgumentException("kubernetes must not be null");
		}
		if (namespace == null || namespace.isBlank()) {
			throw new IllegalArgumentException("namespace must not be blank");
		}
	}

	public KnativeClient knative() {
		return this.kubernetes.adapt(KnativeClient.class);
	}

}
