package dev.todobot.todoctl.scale;

import java.util.List;

/**
 * The outcome of scaling one service.
 *
 * @param service the Knative Service
 * @param minScale the min-scale it has now
 * @param maxScale the max-scale it has now, {@code null} for no limit
 * @param revision the revision created for the change
 * @param ready whether that revision became Ready
 * @param reason why it did not, {@code null} when it did
 * @param pods the service's pods once the revision settled
 */
public record ScaleResult(String service, int minScale, Integer maxScale, String revision, boolean ready, String reason,
		List<PodSummary> pods) {

}
