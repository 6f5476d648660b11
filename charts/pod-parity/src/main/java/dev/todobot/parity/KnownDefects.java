package dev.todobot.parity;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * Defects of the chart or the apps that the runner found and that are being fixed
 * elsewhere (issue 13, item 4), with the one patch that lets the rest of the runner's
 * checks go on meanwhile. Nothing here applies by itself: a test that meets a defect's
 * symptom says so and uses the patch for what follows. Delete an entry when its fix
 * lands.
 */
final class KnownDefects {

	/**
	 * Vert.x (under Hibernate Reactive) creates {@code java.io.tmpdir/vertx-cache} at
	 * start, and the chart mounts nothing writable at /tmp for the functions.
	 */
	static final String VERTX_CACHE = "Vert.x cannot create /tmp/vertx-cache on the read-only root filesystem";

	/**
	 * functions/Dockerfile runs the AOT training as USER 10001, which has no account in
	 * the image, and PostgreSQL's initdb (the trainer's embedded database) needs one: the
	 * image build fails at that RUN.
	 */
	static final String TRAINING_USER = "initdb: could not look up effective user ID 10001: user does not exist "
			+ "(the AOT training RUN of functions/Dockerfile)";

	/**
	 * The functions' Vert.x PostgreSQL client lacks its optional SCRAM library
	 * (com.ongres.scram), so it cannot log in with a SCRAM password: the chart's
	 * PostgreSQL image (scram-sha-256 by default since PostgreSQL 14) and Neon both ask
	 * for one. Flyway logs in (the JDBC driver has its own SCRAM), so the migration Job
	 * passes.
	 */
	static final String SCRAM = "the functions' Vert.x PostgreSQL client has no SCRAM library (com.ongres.scram): "
			+ "it cannot log in with SCRAM passwords (NoClassDefFoundError com/ongres/scram/...)";

	private KnownDefects() {
	}

	/**
	 * Whether an image's libraries lack what SCRAM logins need.
	 * @param image a function image
	 * @return whether {@link #SCRAM} applies
	 */
	static boolean scramMissing(Image image) {
		return image.layers()
			.stream()
			.filter((layer) -> layer.target().equals("/application"))
			.findFirst()
			.map((layer) -> {
				String[] jars = layer.source().resolve("lib").toFile().list();
				return jars != null && java.util.Arrays.stream(jars).noneMatch((jar) -> jar.contains("scram"));
			})
			.orElse(false);
	}

	/**
	 * Whether a pod's log shows the Vert.x cache defect.
	 * @param log the container's log lines
	 * @return whether it failed on it
	 */
	static boolean vertxCache(List<String> log) {
		return log.stream()
			.anyMatch((line) -> line.contains("/tmp/vertx-cache")
					&& (line.contains("Read-only file system") || line.contains("Unable to create folder")));
	}

	/**
	 * The patch for {@link #VERTX_CACHE}: an emptyDir at /tmp (16Mi, as web's) in the
	 * functions' Knative Services and the migration Job that have no volume there.
	 * @param chart the rendered chart, changed in place
	 */
	static void mountTmpInFunctions(RenderedChart chart) {
		for (String function : PodParity.FUNCTIONS) {
			var revision = chart.knativeService(function).getSpec().getTemplate().getSpec();
			revision.setVolumes(withTmp(revision.getVolumes()));
			mountTmp(revision.getContainers().get(0));
		}
		chart.migrationJob().ifPresent((job) -> {
			var spec = job.getSpec().getTemplate().getSpec();
			spec.setVolumes(withTmp(spec.getVolumes()));
			mountTmp(spec.getContainers().get(0));
		});
	}

	private static List<Volume> withTmp(List<Volume> volumes) {
		List<Volume> all = new ArrayList<>((volumes != null) ? volumes : List.of());
		if (all.stream().noneMatch((volume) -> "tmp".equals(volume.getName()))) {
			Volume tmp = new Volume();
			tmp.setName("tmp");
			tmp.setEmptyDir(new EmptyDirVolumeSource(null, new Quantity("16Mi")));
			all.add(tmp);
		}
		return all;
	}

	private static void mountTmp(Container container) {
		List<VolumeMount> mounts = new ArrayList<>(
				(container.getVolumeMounts() != null) ? container.getVolumeMounts() : List.of());
		if (mounts.stream().noneMatch((mount) -> "/tmp".equals(mount.getMountPath()))) {
			VolumeMount mount = new VolumeMount();
			mount.setName("tmp");
			mount.setMountPath("/tmp");
			mounts.add(mount);
			container.setVolumeMounts(mounts);
		}
	}

}
