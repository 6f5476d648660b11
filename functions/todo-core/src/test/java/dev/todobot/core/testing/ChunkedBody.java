package dev.todobot.core.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A request body sent in pieces of unknown total length, so that the HTTP client sends it
 * with {@code Transfer-Encoding: chunked} and no {@code Content-Length}.
 */
public final class ChunkedBody {

	private static final int CHUNK = 8 * 1024;

	private ChunkedBody() {
	}

	/**
	 * A body sent chunked.
	 * @param text the body
	 * @return what a {@code WebTestClient} or {@code WebClient} sends it with
	 */
	public static BodyInserter<Flux<DataBuffer>, ReactiveHttpOutputMessage> of(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		Flux<DataBuffer> chunks = Flux.range(0, (bytes.length + CHUNK - 1) / CHUNK).map((index) -> {
			int from = index * CHUNK;
			int length = Math.min(CHUNK, bytes.length - from);
			return DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(bytes, from, length));
		});
		return BodyInserters.fromDataBuffers(chunks);
	}

}
