package dev.todobot.todoctl.doctor;

/**
 * Where the Knative Operator installs Knative Serving and Kourier.
 */
final class KnativeSystem {

	/**
	 * The namespace of the KnativeServing resource, Serving's controllers and its config.
	 */
	static final String SERVING_NAMESPACE = "knative-serving";

	/**
	 * Where Kourier's own YAML install puts its gateway. The Operator puts it into the
	 * KnativeServing's namespace instead, so both are looked at.
	 */
	static final String KOURIER_NAMESPACE = "kourier-system";

	static final String KOURIER_GATEWAY = "3scale-kourier-gateway";

	static final String KOURIER_CONTROLLER = "net-kourier-controller";

	static final String AUTOSCALER_CONFIG = "config-autoscaler";

	static final String SCALE_TO_ZERO_KEY = "enable-scale-to-zero";

	private KnativeSystem() {
	}

}
