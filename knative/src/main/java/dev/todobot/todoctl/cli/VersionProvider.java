package dev.todobot.todoctl.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar's manifest.
 */
public final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = VersionProvider.class.getPackage().getImplementationVersion();
		return new String[] { "todoctl " + ((version != null) ? version : "(not packaged)") };
	}

}
