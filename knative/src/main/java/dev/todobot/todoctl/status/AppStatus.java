package dev.todobot.todoctl.status;

import java.util.List;

/**
 * What {@code todoctl status} shows.
 *
 * @param services the app's Knative Services
 * @param eventing its Broker, Triggers and PingSource; empty when the chart's eventing is
 * off
 */
public record AppStatus(List<ServiceState> services, List<EventingState> eventing) {

	boolean ready() {
		return this.services.stream().allMatch((service) -> "True".equals(service.ready()))
				&& this.eventing.stream().allMatch((resource) -> "True".equals(resource.ready()));
	}

}
