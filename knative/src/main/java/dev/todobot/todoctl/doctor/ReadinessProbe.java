package dev.todobot.todoctl.doctor;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Asks a function whether it is ready. A seam, so that the analysis can be pointed at any
 * HTTP server or replaced.
 */
@FunctionalInterface
public interface ReadinessProbe {

	/**
	 * Sends {@code GET uri}.
	 * @param uri the readiness endpoint
	 * @param timeout how long to wait for the answer, a cold start included
	 * @return the answer
	 * @throws IOException when there is no answer in time
	 */
	Answer get(URI uri, Duration timeout) throws IOException;

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param body the body, empty when there is none
	 */
	record Answer(int status, String body) {

	}

}
