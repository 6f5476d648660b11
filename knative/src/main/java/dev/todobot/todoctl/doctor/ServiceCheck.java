package dev.todobot.todoctl.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.todobot.todoctl.app.Autoscaling;
import dev.todobot.todoctl.app.Conditions;
import dev.todobot.todoctl.app.Eventing;
import dev.todobot.todoctl.app.TodoApp;
import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.serving.v1.Revision;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceStatus;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * The app's Knative Services are all there and Ready, and the newest revision of each did
 * not fail; with the reasons Knative gives when they are not.
 */
final class ServiceCheck implements Check {

	@Override
	public String name() {
		return "Knative Services";
	}

	@Override
	public List<Finding> run(Cluster cluster) {
		List<Service> services = TodoApp.services(cluster);
		if (services.isEmpty()) {
			return List.of(Finding.error("namespace/" + cluster.namespace(),
					"no Knative Services labelled " + TodoApp.PART_OF_LABEL + "=" + TodoApp.PART_OF,
					"install the app (helm upgrade --install todo-app charts/todo-app -n " + cluster.namespace()
							+ "), or pass the release's --namespace"));
		}
		List<Finding> findings = new ArrayList<>();
		List<String> names = services.stream().map((service) -> service.getMetadata().getName()).toList();
		// reminders comes with the chart's eventing, whose Triggers deliver to it
		boolean eventing = !Eventing.triggers(cluster).isEmpty();
		TodoApp.SERVICES.stream()
			.filter((name) -> !names.contains(name))
			.filter((name) -> eventing || !TodoApp.REMINDERS.equals(name))
			.forEach((name) -> findings.add(Finding.warning("ksvc/" + name, "not deployed",
					"check the todo-app chart's values for " + name + " and upgrade the release")));
		for (Service service : services) {
			findings.addAll(check(cluster, service));
		}
		return findings;
	}

	private List<Finding> check(Cluster cluster, Service service) {
		List<Finding> findings = new ArrayList<>();
		String name = service.getMetadata().getName();
		ServiceStatus status = Optional.ofNullable(service.getStatus()).orElseGet(ServiceStatus::new);
		Optional<Condition> ready = Conditions.find(status.getConditions(), Conditions.READY);
		String state = ready.map(Condition::getStatus).orElse("Unknown");
		Optional<Finding> revision = failedRevision(cluster, name, status.getLatestCreatedRevisionName());
		if ("False".equals(state)) {
			String traffic = (status.getLatestReadyRevisionName() != null
					&& !Objects.equals(status.getLatestReadyRevisionName(), status.getLatestCreatedRevisionName()))
							? "; traffic stays on " + status.getLatestReadyRevisionName() : "";
			findings.add(Finding.error("ksvc/" + name,
					"not Ready (" + ready.map(Conditions::explain).orElse("") + ")" + traffic,
					revision.isPresent() ? "see " + revision.get().subject()
							: "kubectl describe ksvc " + name + " -n " + cluster.namespace()));
		}
		else if (!"True".equals(state)) {
			findings.add(Finding.warning("ksvc/" + name,
					"not Ready yet (" + ready.map(Conditions::explain).orElse("no Ready condition") + ")",
					"Knative is still rolling it out: run todoctl doctor again in a minute"));
		}
		revision.ifPresent(findings::add);
		int min = Autoscaling.of(service).min();
		if (min > 0) {
			findings.add(Finding.info("ksvc/" + name,
					"keeps " + min + " pod" + ((min == 1) ? "" : "s") + " warm (min-scale " + min
							+ "), so it never scales to zero",
					"todoctl scale " + name + " --min 0 lets it sleep when idle"));
		}
		return findings;
	}

	private Optional<Finding> failedRevision(Cluster cluster, String service, String name) {
		if (name == null) {
			return Optional.empty();
		}
		Revision revision = cluster.knative().revisions().inNamespace(cluster.namespace()).withName(name).get();
		if (revision == null || revision.getStatus() == null) {
			return Optional.empty();
		}
		return Conditions.find(revision.getStatus().getConditions(), Conditions.READY)
			.filter((ready) -> "False".equals(ready.getStatus()))
			.map((ready) -> Finding.error("revision/" + name, "failed (" + Conditions.explain(ready) + ")",
					fix(cluster, service, revision, Conditions.explain(ready))));
	}

	/** Knative copies the pods' failure into the revision's reason and message. */
	private static String fix(Cluster cluster, String service, Revision failed, String explanation) {
		String revision = failed.getMetadata().getName();
		if (explanation.contains("OOMKilled")) {
			return Fixes.outOfMemory(service, memoryLimit(failed));
		}
		if (explanation.contains("ImagePull") || explanation.contains("ErrImage")
				|| explanation.contains("ContainerMissing") || explanation.contains("Unable to fetch image")) {
			return Fixes.imagePull(service);
		}
		if (explanation.startsWith("ProgressDeadlineExceeded")) {
			return "its pods did not become ready in time: check the readiness endpoint (is the database"
					+ " reachable?) with kubectl get pods -l " + TodoApp.REVISION_LABEL + "=" + revision + " -n "
					+ cluster.namespace();
		}
		if (explanation.startsWith("ExitCode") || explanation.contains("CrashLoopBackOff")) {
			return "read why it exits: kubectl logs -l " + TodoApp.REVISION_LABEL + "=" + revision + " -c "
					+ TodoApp.USER_CONTAINER + " -n " + cluster.namespace() + " --previous";
		}
		return "kubectl describe revision " + revision + " -n " + cluster.namespace();
	}

	private static String memoryLimit(Revision revision) {
		return Optional.ofNullable(revision.getSpec())
			.flatMap((spec) -> spec.getContainers().stream().findFirst())
			.map(Container::getResources)
			.map(ResourceRequirements::getLimits)
			.map((limits) -> limits.get("memory"))
			.map(Quantity::toString)
			.orElse(null);
	}

}
