package dev.todobot.todoctl.doctor;

/**
 * The suggested fixes for the failures that a revision and its pods share, so both checks
 * suggest the same thing.
 */
final class Fixes {

	private Fixes() {
	}

	static String imagePull(String service) {
		return "check the image reference of " + service
				+ " in the todo-app chart's values (repository, tag), that the nodes can reach the registry,"
				+ " and for a local registry that it is listed in Knative's registries-skipping-tag-resolving";
	}

	static String outOfMemory(String service, String limit) {
		return "raise resources.limits.memory of " + service + " in the todo-app chart's values (now "
				+ ((limit != null) ? limit : "unset") + "), or lower the JVM's share of it (-XX:MaxRAMPercentage)";
	}

	static String crashLoop(String pod, String container, String namespace) {
		return "read why it exits: kubectl logs " + pod + " -c " + container + " -n " + namespace + " --previous";
	}

}
