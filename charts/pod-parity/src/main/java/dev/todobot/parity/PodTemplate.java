package dev.todobot.parity;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Volume;

/**
 * What the kubelet gets to run one pod: the rendered container, the pod's volumes and
 * securityContext, its restart policy, the image, and the container's environment with
 * every {@code valueFrom} already resolved from the rendered ConfigMap and Secrets.
 *
 * @param name the pod's name
 * @param container the rendered container
 * @param volumes the pod's volumes
 * @param podSecurityContext the pod-level securityContext, or {@code null}
 * @param restartPolicy Always (a Knative revision's pods) or Never (the Job, the test
 * pod)
 * @param image the image
 * @param environment the resolved environment, in the spec's order
 * @param terminationGraceSeconds how long SIGTERM may take before SIGKILL
 */
record PodTemplate(String name, Container container, List<Volume> volumes, PodSecurityContext podSecurityContext,
		String restartPolicy, Image image, Map<String, String> environment, long terminationGraceSeconds) {

	int containerPort() {
		return (this.container.getPorts() == null || this.container.getPorts().isEmpty()) ? 8080
				: this.container.getPorts().get(0).getContainerPort();
	}

	/**
	 * The uid:gid the container runs as: the container's securityContext, else the pod's,
	 * else the image's USER.
	 * @return the user
	 */
	String user() {
		Long uid = null;
		Long gid = null;
		if (this.podSecurityContext != null) {
			uid = this.podSecurityContext.getRunAsUser();
			gid = this.podSecurityContext.getRunAsGroup();
		}
		var own = this.container.getSecurityContext();
		if (own != null) {
			uid = (own.getRunAsUser() != null) ? own.getRunAsUser() : uid;
			gid = (own.getRunAsGroup() != null) ? own.getRunAsGroup() : gid;
		}
		String[] imageUser = this.image.user().split(":");
		String user = (uid != null) ? uid.toString() : imageUser[0];
		String group = (gid != null) ? gid.toString() : ((uid != null) ? user : imageUser[imageUser.length - 1]);
		return user + ":" + group;
	}

	boolean runAsNonRoot() {
		var own = this.container.getSecurityContext();
		if (own != null && own.getRunAsNonRoot() != null) {
			return own.getRunAsNonRoot();
		}
		return this.podSecurityContext != null && Boolean.TRUE.equals(this.podSecurityContext.getRunAsNonRoot());
	}

	boolean readOnlyRootFilesystem() {
		var own = this.container.getSecurityContext();
		return own != null && Boolean.TRUE.equals(own.getReadOnlyRootFilesystem());
	}

	/**
	 * The process, as the kubelet combines the image's and the spec's: {@code command}
	 * replaces ENTRYPOINT (and drops CMD), {@code args} replaces CMD.
	 * @return the argv
	 */
	List<String> process() {
		List<String> command = (this.container.getCommand() == null || this.container.getCommand().isEmpty())
				? this.image.entrypoint() : this.container.getCommand();
		List<String> args;
		if (this.container.getArgs() != null && !this.container.getArgs().isEmpty()) {
			args = this.container.getArgs();
		}
		else if (this.container.getCommand() != null && !this.container.getCommand().isEmpty()) {
			args = List.of();
		}
		else {
			args = this.image.cmd();
		}
		return java.util.stream.Stream.concat(command.stream(), args.stream()).toList();
	}

}
