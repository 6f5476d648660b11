package dev.todobot.todoctl.status;

import java.util.List;

/**
 * The state of one Knative Service of the app.
 *
 * @param name the service's name
 * @param ready its Ready condition: {@code True}, {@code False} or {@code Unknown}
 * @param reason why it is not Ready, {@code null} when it is
 * @param url where it answers
 * @param latestReadyRevision the newest revision that became Ready
 * @param traffic how requests are split between revisions
 * @param podsRunning pods of the service in phase Running now (0 when scaled to zero)
 * @param minScale the fewest pods Knative keeps
 * @param maxScale the most pods Knative starts, {@code null} for no limit
 */
public record ServiceState(String name, String ready, String reason, String url, String latestReadyRevision,
		List<TrafficSplit> traffic, int podsRunning, int minScale, Integer maxScale) {

}
