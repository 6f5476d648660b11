package dev.todobot.todoctl.scale;

/**
 * A pod of a Knative Service, as reported after scaling.
 *
 * @param name the pod's name
 * @param revision the revision it runs
 * @param phase its phase (Pending, Running, ...)
 * @param ready ready containers out of all, as kubectl shows them ("2/2")
 */
public record PodSummary(String name, String revision, String phase, String ready) {

}
