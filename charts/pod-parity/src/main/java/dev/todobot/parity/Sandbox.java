package dev.todobot.parity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bubblewrap command line that runs one container process: a root filesystem made of
 * the node's system directories (standing for the base image's OS), the image's own
 * directories and the pod's volumes, mounted read-only unless said otherwise; its own
 * PID, IPC and UTS namespaces; the pod's network namespace; the environment cleared and
 * set as the container's; and {@code setpriv} dropping to the container's uid and gid
 * with no capabilities and no new privileges, as {@code runAsUser},
 * {@code capabilities.drop: ALL} and {@code allowPrivilegeEscalation: false} do.
 */
final class Sandbox {

	static final String BWRAP = "/usr/bin/bwrap";

	static final String SETPRIV = "/usr/bin/setpriv";

	/** The node's directories that make the OS part of the root filesystem. */
	private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr", "/etc", "/var");

	private static final List<String> MERGED_USR_LINKS = List.of("bin", "sbin", "lib", "lib64");

	/** The capabilities Docker leaves a container's root with (a RUN as USER root). */
	private static final List<String> DOCKER_DEFAULT_CAPABILITIES = List.of("CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER",
			"MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL",
			"AUDIT_WRITE");

	private final List<Mount> mounts = new ArrayList<>();

	private final Map<String, String> environment = new LinkedHashMap<>();

	private String hostname = "pod";

	private boolean readOnlyRoot = true;

	private String workingDirectory = "/";

	private String user;

	private String networkNamespace;

	Sandbox hostname(String hostname) {
		this.hostname = hostname;
		return this;
	}

	/**
	 * A directory or file of the node at a path of the container.
	 * @param source on the node
	 * @param target in the container
	 * @param writable whether the container may write to it
	 * @return this
	 */
	Sandbox mount(Path source, String target, boolean writable) {
		this.mounts.add(new Mount(source, target, writable));
		return this;
	}

	Sandbox environment(Map<String, String> environment) {
		this.environment.putAll(environment);
		return this;
	}

	Sandbox readOnlyRoot(boolean readOnlyRoot) {
		this.readOnlyRoot = readOnlyRoot;
		return this;
	}

	Sandbox workingDirectory(String workingDirectory) {
		this.workingDirectory = workingDirectory;
		return this;
	}

	/**
	 * The user to run as.
	 * @param user {@code uid:gid} or {@code uid}; {@code null} or {@code 0} stays root
	 * @return this
	 */
	Sandbox user(String user) {
		this.user = user;
		return this;
	}

	Sandbox networkNamespace(String path) {
		this.networkNamespace = path;
		return this;
	}

	List<String> command(List<String> process) {
		List<String> command = new ArrayList<>();
		if (this.networkNamespace != null) {
			command.addAll(List.of("/usr/bin/nsenter", "--net=" + this.networkNamespace));
		}
		command.addAll(List.of(BWRAP, "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--hostname", this.hostname,
				"--die-with-parent", "--new-session", "--tmpfs", "/"));
		for (String directory : SYSTEM_DIRECTORIES) {
			command.addAll(List.of("--ro-bind", directory, directory));
		}
		for (String link : MERGED_USR_LINKS) {
			command.addAll(List.of("--symlink", "usr/" + link, "/" + link));
		}
		command.addAll(List.of("--ro-bind", "/sys", "/sys", "--dev", "/dev", "--proc", "/proc"));
		for (Mount mount : this.mounts) {
			String parent = Path.of(mount.target()).getParent().toString();
			if (!parent.equals("/")) {
				command.addAll(List.of("--perms", "0755", "--dir", parent));
			}
			command
				.addAll(List.of(mount.writable() ? "--bind" : "--ro-bind", mount.source().toString(), mount.target()));
		}
		if (this.readOnlyRoot) {
			command.addAll(List.of("--remount-ro", "/"));
		}
		command.addAll(List.of("--chdir", this.workingDirectory, "--clearenv"));
		this.environment.forEach((name, value) -> command.addAll(List.of("--setenv", name, value)));
		if (isRoot()) {
			// bubblewrap drops every capability of root; Docker keeps its default set
			for (String capability : DOCKER_DEFAULT_CAPABILITIES) {
				command.addAll(List.of("--cap-add", "CAP_" + capability));
			}
		}
		command.add("--");
		if (!isRoot()) {
			String[] ids = this.user.split(":");
			String group = (ids.length > 1) ? ids[1] : ids[0];
			command.addAll(List.of(SETPRIV, "--reuid=" + ids[0], "--regid=" + group, "--clear-groups", "--no-new-privs",
					"--inh-caps=-all", "--bounding-set=-all"));
		}
		command.addAll(process);
		return command;
	}

	private boolean isRoot() {
		return this.user == null || this.user.equals("0") || this.user.startsWith("0:") || this.user.equals("root");
	}

	record Mount(Path source, String target, boolean writable) {
	}

}
