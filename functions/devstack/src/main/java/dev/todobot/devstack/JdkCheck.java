package dev.todobot.devstack;

import java.lang.reflect.InvocationTargetException;

/**
 * The run command's entry point, compiled for Java 17 so that an older {@code java} says
 * in one line that JDK 25 is needed, instead of failing to load devstack's classes with
 * an {@code UnsupportedClassVersionError}.
 */
public final class JdkCheck {

	private static final int REQUIRED = 25;

	private JdkCheck() {
	}

	public static void main(String[] args) throws Throwable {
		int feature = Runtime.version().feature();
		if (feature < REQUIRED) {
			System.err.println("devstack needs JDK " + REQUIRED + ", but this is Java " + feature + " ("
					+ System.getProperty("java.home") + "): run it with a JDK " + REQUIRED
					+ "'s java, e.g. \"$JAVA_HOME/bin/java\" -jar functions/devstack/target/devstack.jar");
			System.exit(1);
		}
		try {
			// by name: this class is compiled for Java 17, DevStack for 25
			Class.forName("dev.todobot.devstack.DevStack")
				.getMethod("main", String[].class)
				.invoke(null, (Object) args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
