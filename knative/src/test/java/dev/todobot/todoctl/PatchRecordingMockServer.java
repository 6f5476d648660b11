package dev.todobot.todoctl;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * fabric8's mock server in CRUD mode, as {@code @EnableKubernetesMockClient(crud = true)}
 * sets it up, that also keeps the PATCH requests sent for Knative Services as they
 * arrived: the CRUD dispatcher consumes request bodies, so they cannot be read
 * afterwards.
 */
public final class PatchRecordingMockServer implements AutoCloseable {

	private final List<String> patches = new CopyOnWriteArrayList<>();

	private final KubernetesMockServer server;

	private final KubernetesClient client;

	public PatchRecordingMockServer() {
		Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
		this.server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
				new KubernetesMixedDispatcher(responses) {

					@Override
					public MockResponse dispatch(RecordedRequest request) {
						record(request);
						return super.dispatch(request);
					}

				}, true);
		this.server.init();
		this.client = this.server.createClient();
	}

	private void record(RecordedRequest request) {
		// the fake controller writes status: that is Knative's part, not todoctl's
		if ("PATCH".equals(request.getMethod()) && request.getPath().contains("/services/")
				&& !request.getPath().endsWith("/status")) {
			this.patches.add(request.getPath() + " " + request.getHeader("Content-Type") + " "
					+ new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
		}
	}

	public KubernetesClient client() {
		return this.client;
	}

	/**
	 * The service patches received so far.
	 * @return each as "path content-type body"
	 */
	public List<String> patches() {
		return List.copyOf(this.patches);
	}

	@Override
	public void close() {
		this.client.close();
		this.server.destroy();
	}

}
