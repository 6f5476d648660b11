package dev.todobot.parity;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pod network: a Linux bridge on the node, and one network namespace per pod with a
 * veth pair on that bridge, so that every pod has its own address and listens on its own
 * {@code containerPort} (8080 for all of them, as Knative sets {@code PORT}) the way pods
 * do. The node's address on the bridge stands for the cluster's services: the cluster
 * DNS, Kourier (port 80) and the PostgreSQL Service (port 5432).
 */
final class PodNetwork implements AutoCloseable {

	static final String BRIDGE = "ppbr0";

	/** The node side of the bridge: cluster DNS, Kourier, the PostgreSQL Service. */
	static final String SERVICES_ADDRESS = "10.77.0.1";

	private static final String PREFIX = "10.77.0.";

	private static final String NAMESPACE_PREFIX = "pp-";

	/**
	 * Across installs in one JVM: a deleted namespace may keep its veth a moment longer.
	 */
	private static final AtomicInteger next = new AtomicInteger();

	private PodNetwork() {
	}

	static PodNetwork create() {
		removeLeftovers();
		Shell.run("ip", "link", "add", BRIDGE, "type", "bridge");
		Shell.run("ip", "addr", "add", SERVICES_ADDRESS + "/24", "dev", BRIDGE);
		Shell.run("ip", "link", "set", BRIDGE, "up");
		return new PodNetwork();
	}

	/**
	 * Namespaces and the bridge that a killed run left behind (only this runner's names).
	 */
	private static void removeLeftovers() {
		for (String line : Shell.attempt("ip", "netns", "list").output().lines().toList()) {
			String name = line.split("\\s+")[0];
			if (name.startsWith(NAMESPACE_PREFIX)) {
				Shell.attempt("ip", "netns", "delete", name);
			}
		}
		Shell.attempt("ip", "link", "delete", BRIDGE);
	}

	/**
	 * A new pod sandbox's network: its namespace, on the bridge.
	 * @param pod the pod's name
	 * @return the namespace and the pod's address
	 */
	Attachment attach(String pod) {
		int index = 10 + next.getAndIncrement() % 240;
		String namespace = NAMESPACE_PREFIX + index;
		String address = PREFIX + index;
		String hostSide = "ppv" + index;
		Shell.attempt("ip", "netns", "delete", namespace);
		Shell.attempt("ip", "link", "delete", hostSide);
		Shell.run("ip", "netns", "add", namespace);
		Shell.run("ip", "link", "add", hostSide, "type", "veth", "peer", "name", "eth0", "netns", namespace);
		Shell.run("ip", "link", "set", hostSide, "master", BRIDGE, "up");
		Shell.run("ip", "-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
		Shell.run("ip", "-n", namespace, "link", "set", "eth0", "up");
		Shell.run("ip", "-n", namespace, "link", "set", "lo", "up");
		Shell.run("ip", "-n", namespace, "route", "add", "default", "via", SERVICES_ADDRESS);
		return new Attachment(pod, namespace, address);
	}

	void detach(Attachment attachment) {
		Shell.attempt("ip", "netns", "delete", attachment.namespace());
	}

	@Override
	public void close() {
		removeLeftovers();
	}

	/**
	 * A pod's place on the network.
	 *
	 * @param pod the pod
	 * @param namespace its network namespace
	 * @param address its IP address
	 */
	record Attachment(String pod, String namespace, String address) {

		String namespacePath() {
			return "/run/netns/" + this.namespace;
		}

	}

}
