package dev.todobot.reminders.deadletter;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and as whom the function reaches the Kubernetes API: in a pod, the API server
 * every pod sees ({@code KUBERNETES_SERVICE_HOST}, {@code KUBERNETES_SERVICE_PORT}) and
 * the service account's files Kubernetes mounts. Outside a pod there is no host or no
 * token, and nothing is recorded.
 *
 * @param host the API server's host, blank outside a cluster
 * @param port its HTTPS port
 * @param token the service account's token (read on every use: kubelet rotates it)
 * @param ca the certificates the API server's is signed with, PEM
 * @param namespace the file naming the pod's namespace
 * @param service the Knative Service the events are about ({@code K_SERVICE})
 */
@ConfigurationProperties("reminders.kubernetes")
public record ClusterApi(@DefaultValue("") String host, @DefaultValue("443") int port,
		@DefaultValue(SERVICE_ACCOUNT + "/token") Path token, @DefaultValue(SERVICE_ACCOUNT + "/ca.crt") Path ca,
		@DefaultValue(SERVICE_ACCOUNT + "/namespace") Path namespace, @DefaultValue("reminders") String service) {

	static final String SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

	/**
	 * Whether the function runs where it can record events.
	 * @return whether there is an API server and a token for it
	 */
	public boolean inPod() {
		return !this.host.isBlank() && Files.isReadable(this.token);
	}

	/**
	 * The API server's address.
	 * @return its base URI
	 */
	public URI address() {
		// an IPv6 cluster gives the bare address
		String name = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		return URI.create("https://" + name + ":" + this.port);
	}

}
