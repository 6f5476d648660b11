package dev.todobot.todoctl.cli;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Option;

/**
 * Which cluster and namespace to work on, shared by every command that talks to one.
 */
public class ClusterOptions {

	@Option(names = { "-n", "--namespace" }, paramLabel = "NAMESPACE",
			description = "Namespace of the todo-app release (default: the context's namespace).")
	private String namespace;

	@Option(names = "--context", paramLabel = "CONTEXT",
			description = "Kubeconfig context to use (default: the current context).")
	private String context;

	/**
	 * Connects with these options.
	 * @param connector opens the client
	 * @return the cluster and the namespace to work in
	 */
	public Cluster open(ClusterConnector connector) {
		KubernetesClient client = connector.connect(this.context);
		String resolved = (this.namespace != null) ? this.namespace : client.getNamespace();
		return new Cluster(client, (resolved != null) ? resolved : "default");
	}

	/**
	 * The options as todoctl arguments, to pass on to a command run on someone's behalf.
	 * @return the arguments that were given
	 */
	public List<String> asArguments() {
		List<String> arguments = new ArrayList<>();
		if (this.namespace != null) {
			arguments.addAll(List.of("--namespace", this.namespace));
		}
		if (this.context != null) {
			arguments.addAll(List.of("--context", this.context));
		}
		return arguments;
	}

}
