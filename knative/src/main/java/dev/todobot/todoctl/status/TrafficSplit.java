package dev.todobot.todoctl.status;

/**
 * The share of a service's requests that one revision receives.
 *
 * @param revision the revision's name
 * @param percent its share, 0 to 100
 * @param tag the traffic tag, {@code null} when untagged
 */
public record TrafficSplit(String revision, long percent, String tag) {

	@Override
	public String toString() {
		return this.revision + "=" + this.percent + "%" + ((this.tag != null) ? " (" + this.tag + ")" : "");
	}

}
