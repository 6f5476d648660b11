package dev.todobot.todoctl.status;

/**
 * The state of one Knative Eventing resource of the app: the Broker, a Trigger or the
 * PingSource.
 *
 * @param kind broker, trigger or pingsource
 * @param name the resource's name
 * @param ready its Ready condition: {@code True}, {@code False} or {@code Unknown}
 * @param reason why it is not Ready, {@code null} when it is
 * @param route what it does: the Broker's address, a Trigger's filter and subscriber, the
 * PingSource's schedule and sink
 */
public record EventingState(String kind, String name, String ready, String reason, String route) {

}
