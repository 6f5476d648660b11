package dev.todobot.mcp.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import dev.todobot.core.user.AuthenticatedUser;
import dev.todobot.core.user.TokenService;
import dev.todobot.core.web.RequestHeaders;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.server.ResponseStatusException;

/**
 * The {@code mcp} function: one MCP message in, its answer out, the Streamable HTTP way
 * without sessions or streams. Checks the bearer token (an
 * {@link dev.todobot.core.error.UnauthenticatedException} becomes a 401), reads the
 * message with the SDK, and lets the SDK's server handle it with the caller in the
 * {@link McpTransportContext}.
 * <p>
 * Answers: a request gets its JSON-RPC response (200); a notification, or a response from
 * the client, gets 202 and no body; a body that is not JSON gets a parse error (-32700),
 * and JSON that is not a JSON-RPC request or notification an invalid-request error
 * (-32600), both with 400. Spring Cloud Function answers every reply with 200, so the
 * wanted status travels in the {@link #STATUS_HEADER} reply header, which
 * {@link McpHttpFilter} applies.
 */
public class McpFunction implements Function<Message<byte[]>, Mono<Message<byte[]>>> {

	private static final Logger logger = LoggerFactory.getLogger(McpFunction.class);

	/** Reply header naming the HTTP status of the reply, when it is not 200. */
	public static final String STATUS_HEADER = "mcp-reply-status";

	private static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

	private final TokenService tokens;

	private final McpJsonMapper json;

	private final FunctionServerTransport transport;

	/**
	 * @param tokens verifies bearer tokens
	 * @param json the SDK's JSON mapper
	 * @param transport the transport an SDK server was built on
	 */
	public McpFunction(TokenService tokens, McpJsonMapper json, FunctionServerTransport transport) {
		this.tokens = tokens;
		this.json = json;
		this.transport = transport;
	}

	@Override
	public Mono<Message<byte[]>> apply(Message<byte[]> message) {
		return Mono.defer(() -> {
			RequestHeaders headers = RequestHeaders.of(message);
			AuthenticatedUser user = this.tokens.authenticate(headers.get(HttpHeaders.AUTHORIZATION));
			McpTransportContext context = CallerContext.of(user);
			McpSchema.JSONRPCMessage received;
			try {
				received = read(message.getPayload());
			}
			catch (InvalidMessageException ex) {
				return Mono.just(reply(HttpStatus.BAD_REQUEST, ex.error()));
			}
			if (!isInitialize(received)) {
				checkProtocolVersion(headers.get(PROTOCOL_VERSION));
			}
			Mono<Message<byte[]>> answer;
			if (received instanceof McpSchema.JSONRPCRequest request) {
				answer = Mono.defer(() -> this.transport.handler().handleRequest(context, request))
					.onErrorResume((error) -> Mono.just(McpSchema.JSONRPCResponse.error(request.id(), failure(error))))
					.map((response) -> reply(HttpStatus.OK, response));
			}
			else if (received instanceof McpSchema.JSONRPCNotification notification) {
				answer = this.transport.handler()
					.handleNotification(context, notification)
					.then(Mono.fromSupplier(McpFunction::accepted));
			}
			else {
				// this server sends no requests, so a response from the client answers
				// nothing
				answer = Mono.just(accepted());
			}
			return answer.contextWrite((reactor) -> reactor.put(McpTransportContext.KEY, context));
		});
	}

	private McpSchema.JSONRPCMessage read(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		if (text.isBlank()) {
			throw new InvalidMessageException(McpSchema.ErrorCodes.PARSE_ERROR,
					"Parse error: the body is empty; send one JSON-RPC message");
		}
		try {
			return McpSchema.deserializeJsonRpcMessage(this.json, text);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof StreamReadException) {
				throw new InvalidMessageException(McpSchema.ErrorCodes.PARSE_ERROR,
						"Parse error: the body is not valid JSON");
			}
			throw new InvalidMessageException(McpSchema.ErrorCodes.INVALID_REQUEST,
					"Invalid Request: send one JSON-RPC request or notification as a JSON object (no batches)");
		}
		catch (IllegalArgumentException ex) {
			// the SDK's own check, such as of the id, is the cause; without one, the
			// message echoes the whole body
			String why = (ex.getCause() != null) ? rootCause(ex).getMessage()
					: "a message needs a method, or a result or an error";
			throw new InvalidMessageException(McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: " + why);
		}
	}

	/**
	 * The SDK's handlers read their params as they start, and a request whose params do
	 * not fit (none where some are needed, a text for an object) fails there, before the
	 * SDK's own error mapping applies.
	 */
	private static JSONRPCError failure(Throwable error) {
		if (error instanceof IllegalArgumentException || error instanceof NullPointerException
				|| error instanceof JacksonException) {
			return new JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS,
					"Invalid params: they do not have the form this method takes");
		}
		logger.error("MCP request failed", error);
		return new JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error");
	}

	private static Throwable rootCause(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root;
	}

	private static boolean isInitialize(McpSchema.JSONRPCMessage message) {
		return message instanceof McpSchema.JSONRPCRequest request
				&& McpSchema.METHOD_INITIALIZE.equals(request.method());
	}

	/** Without the header, a client speaks 2025-03-26, as the specification says. */
	private void checkProtocolVersion(String version) {
		List<String> spoken = this.transport.protocolVersions();
		if (version != null && !spoken.contains(version)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unsupported MCP-Protocol-Version '" + version
					+ "'; this server speaks " + String.join(", ", spoken));
		}
	}

	private Message<byte[]> reply(HttpStatus status, Object body) {
		byte[] bytes;
		try {
			bytes = this.json.writeValueAsBytes(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not write an MCP reply", ex);
		}
		MessageBuilder<byte[]> reply = MessageBuilder.withPayload(bytes)
			.setHeader(MessageHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.setHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
		if (status != HttpStatus.OK) {
			reply.setHeader(STATUS_HEADER, status.value());
		}
		return reply.build();
	}

	private static Message<byte[]> accepted() {
		return MessageBuilder.withPayload(new byte[0]).setHeader(STATUS_HEADER, HttpStatus.ACCEPTED.value()).build();
	}

	/**
	 * A body that is not one JSON-RPC request or notification; the SDK's own response
	 * type cannot carry the {@code null} id JSON-RPC asks for here.
	 */
	private static final class InvalidMessageException extends RuntimeException {

		private final UnidentifiedErrorResponse error;

		InvalidMessageException(int code, String message) {
			super(message);
			this.error = new UnidentifiedErrorResponse(McpSchema.JSONRPC_VERSION, null,
					new JSONRPCError(code, message));
		}

		UnidentifiedErrorResponse error() {
			return this.error;
		}

	}

}
