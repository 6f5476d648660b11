package dev.todobot.reminders.deadletter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.todobot.core.web.JsonBodies;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a Kubernetes Warning Event (reason {@value #REASON}) on the reminders Knative
 * Service for each dead letter kept, so that {@code kubectl get events} and
 * {@code todoctl doctor} show the failing delivery. The row in {@code dead_letters} is
 * the durable record: an event is sent without waiting for it, and one that cannot be
 * recorded is logged and otherwise forgotten. The JDK's HTTP client, not a Kubernetes
 * client: the function scales to zero and starts lean, and it makes one kind of call.
 */
public class DeadLetterEvents {

	static final String REASON = "DeadLetter";

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterEvents.class);

	/**
	 * Short: a slow API server must not keep requests in flight as dead letters pile up.
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final ClusterApi api;

	private final JsonBodies json;

	/** Made at the first dead letter, not at start: most starts see none. */
	private Connection connection;

	/**
	 * @param api where the API server is, or none outside a pod
	 * @param json writes the events
	 */
	public DeadLetterEvents(ClusterApi api, JsonBodies json) {
		this.api = api;
		this.json = json;
	}

	/**
	 * Records the event's failure, if the function runs in a pod. Never throws: a failure
	 * is logged.
	 * @param event the dead letter, with the extensions the Broker added
	 * @param code its {@code knativeerrorcode}, or {@code null}
	 */
	public void record(CloudEvent event, Integer code) {
		if (!this.api.inPod()) {
			return;
		}
		try {
			Connection connection = connection();
			String token = Files.readString(this.api.token(), StandardCharsets.UTF_8).strip();
			URI events = this.api.address().resolve("/api/v1/namespaces/" + connection.namespace() + "/events");
			HttpRequest request = HttpRequest.newBuilder(events)
				.timeout(TIMEOUT)
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.write(kubernetesEvent(event, code, connection))))
				.build();
			connection.client()
				.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, ex) -> {
					if (ex != null) {
						failed(event, ((ex instanceof CompletionException) ? ex.getCause() : ex).toString());
					}
					else if (response.statusCode() / 100 != 2) {
						failed(event, response.statusCode() + " " + response.body());
					}
				});
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			failed(event, ex.toString());
		}
	}

	private void failed(CloudEvent event, String why) {
		logger.warn("Could not record a {} event for dead letter {} (kept in dead_letters) at {}: {}", REASON,
				event.getId(), this.api.address(), why);
	}

	private KubernetesEvent kubernetesEvent(CloudEvent event, Integer code, Connection connection) {
		Object destination = event.getExtension(DeadLetters.ERROR_DESTINATION);
		String message = "dead letter: " + event.getType() + " could not be delivered to "
				+ ((destination != null) ? destination : "an unnamed destination")
				+ ((code != null) ? " (" + code + ")" : "");
		// metav1.Time has whole seconds
		String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		String namespace = connection.namespace();
		return new KubernetesEvent("v1", "Event", new KubernetesEvent.Metadata(this.api.service() + ".", namespace),
				new KubernetesEvent.InvolvedObject("serving.knative.dev/v1", "Service", this.api.service(), namespace),
				REASON, message, "Warning", new KubernetesEvent.Source("reminders"), now, now, 1);
	}

	private synchronized Connection connection() throws IOException, GeneralSecurityException {
		if (this.connection == null) {
			String namespace = Files.readString(this.api.namespace(), StandardCharsets.UTF_8).strip();
			HttpClient client = HttpClient.newBuilder().sslContext(trusting(this.api)).connectTimeout(TIMEOUT).build();
			this.connection = new Connection(client, namespace);
		}
		return this.connection;
	}

	/** Trusts the cluster's certificate authorities only. */
	private static SSLContext trusting(ClusterApi api) throws IOException, GeneralSecurityException {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		try (InputStream pem = Files.newInputStream(api.ca())) {
			int i = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
				trusted.setCertificateEntry("ca-" + i++, certificate);
			}
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private record Connection(HttpClient client, String namespace) {

	}

}
