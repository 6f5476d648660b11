package dev.todobot.todoctl.doctor;

import java.util.List;

import dev.todobot.todoctl.cli.Cluster;

/**
 * One part of the health analysis.
 */
public interface Check {

	/**
	 * What the check looks at, for the report.
	 * @return a short description, such as "Kourier gateway"
	 */
	String name();

	/**
	 * Looks at the cluster.
	 * @param cluster the cluster and the app's namespace
	 * @return what is wrong or worth knowing; empty when all is well
	 */
	List<Finding> run(Cluster cluster);

}
