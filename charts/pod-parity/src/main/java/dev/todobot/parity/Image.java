package dev.todobot.parity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A container image as this runner reproduces it: its directories on the node, where they
 * go in the container, and the configuration Docker would record ({@code ENV},
 * {@code USER}, {@code WORKDIR}, {@code ENTRYPOINT}, {@code CMD}).
 *
 * @param name the image's name, such as {@code todo}
 * @param layers the image's own files, read-only in the container
 * @param environment {@code ENV}, the base image's first
 * @param user {@code USER}
 * @param workingDirectory {@code WORKDIR}
 * @param entrypoint {@code ENTRYPOINT}
 * @param cmd {@code CMD}
 * @param notes what the runner substituted to build it, for the report
 */
record Image(String name, List<Layer> layers, Map<String, String> environment, String user, String workingDirectory,
		List<String> entrypoint, List<String> cmd, List<String> notes) {

	/**
	 * A directory or file of the image.
	 *
	 * @param source on the node
	 * @param target in the container
	 */
	record Layer(Path source, String target) {
	}

}
