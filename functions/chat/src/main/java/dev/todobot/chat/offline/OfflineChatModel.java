package dev.todobot.chat.offline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;

/**
 * The built-in model used when no OpenAI-compatible endpoint is configured. It
 * understands everyday todo sentences ("add buy milk tomorrow #shop", "what's due this
 * week?", "I bought the groceries", "make the bank call high priority", "add milk, eggs
 * and bread") and answers the way a real model does: with tool calls named after the MCP
 * tools ({@code add_task}, {@code list_tasks}, {@code complete_task},
 * {@code delete_task}, {@code update_task}) that the AI Service runs, and then with a
 * short summary of their results. Unknown requests get a help text and no tool call.
 * <p>
 * It reads only the user's messages; tool results are data it summarizes, so instructions
 * hidden in a task's title are never followed. It keeps no state: each answer follows
 * from the request's messages, the offered tools and today's date, so the same request
 * always gets the same answer. Thread-safe.
 */
public final class OfflineChatModel implements ChatModel, StreamingChatModel {

	/** The name this model reports in its responses. */
	public static final String MODEL_NAME = "todobot-offline";

	private static final Pattern TODAY = Pattern.compile("\\bToday is (\\d{4}-\\d{2}-\\d{2})\\b");

	private static final Pattern TIME = Pattern.compile("\\bthe time there is (\\d{2}:\\d{2})\\b");

	private static final int STREAMED_CHUNKS = 4;

	private static final int MIN_CHUNK = 12;

	private final Clock clock;

	private final ZoneId zone;

	private final OfflineAgent agent = new OfflineAgent();

	private OfflineChatModel(Builder builder) {
		this.clock = builder.clock;
		this.zone = (builder.zone != null) ? builder.zone : builder.clock.getZone();
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public ChatResponse doChat(ChatRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return respond(request);
	}

	/**
	 * Streams a text answer in a few chunks; a tool call is announced with
	 * {@code onCompleteToolCall} (which the AI Service needs when it runs tools
	 * concurrently) and completes with the message that holds it.
	 */
	@Override
	public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
		Objects.requireNonNull(request, "request must not be null");
		Objects.requireNonNull(handler, "handler must not be null");
		ChatResponse response;
		try {
			response = respond(request);
		}
		catch (RuntimeException ex) {
			handler.onError(ex);
			return;
		}
		AiMessage message = response.aiMessage();
		if (message.hasToolExecutionRequests()) {
			List<ToolExecutionRequest> calls = message.toolExecutionRequests();
			for (int i = 0; i < calls.size(); i++) {
				handler.onCompleteToolCall(new CompleteToolCall(i, calls.get(i)));
			}
		}
		else {
			chunks(message.text()).forEach(handler::onPartialResponse);
		}
		handler.onCompleteResponse(response);
	}

	@Override
	public ChatRequestParameters defaultRequestParameters() {
		return DefaultChatRequestParameters.EMPTY;
	}

	@Override
	public List<ChatModelListener> listeners() {
		return List.of();
	}

	@Override
	public ModelProvider provider() {
		return ModelProvider.OTHER;
	}

	@Override
	public Set<Capability> supportedCapabilities() {
		return Set.of();
	}

	private ChatResponse respond(ChatRequest request) {
		LocalDateTime now = now(request);
		Transcript transcript = Transcript.of(request.messages());
		Reply reply = this.agent.next(transcript, new AvailableTools(request.toolSpecifications()), now);
		return switch (reply) {
			case Reply.Text text -> response(AiMessage.from(text.text()), FinishReason.STOP);
			case Reply.ToolCall call -> response(AiMessage.from(ToolExecutionRequest.builder()
				// unique within the conversation, and the same for the same conversation
				.id("offline-call-" + (transcript.toolCalls() + 1))
				.name(call.tool())
				.arguments(call.arguments().toString())
				.build()), FinishReason.TOOL_EXECUTION);
		};
	}

	/**
	 * The day and time the system message names ("Today is 2030-05-03 (UTC), and the time
	 * there is 09:30"), which are the user's own; without them, the clock's in the
	 * configured zone (a day without a time: its start).
	 */
	private LocalDateTime now(ChatRequest request) {
		for (ChatMessage message : request.messages()) {
			if (message instanceof SystemMessage system) {
				Matcher day = TODAY.matcher(system.text());
				if (day.find()) {
					Matcher time = TIME.matcher(system.text());
					return LocalDate.parse(day.group(1))
						.atTime(time.find() ? LocalTime.parse(time.group(1)) : LocalTime.MIDNIGHT);
				}
			}
		}
		return LocalDateTime.now(this.clock.withZone(this.zone));
	}

	private static ChatResponse response(AiMessage message, FinishReason finishReason) {
		return ChatResponse.builder().aiMessage(message).modelName(MODEL_NAME).finishReason(finishReason).build();
	}

	/**
	 * Cuts a text at spaces into about {@value #STREAMED_CHUNKS} pieces that join back to
	 * it.
	 */
	static List<String> chunks(String text) {
		int size = Math.max(MIN_CHUNK, text.length() / STREAMED_CHUNKS);
		List<String> chunks = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int space = text.indexOf(' ', Math.min(start + size, text.length()));
			int end = (space < 0) ? text.length() : space + 1;
			chunks.add(text.substring(start, end));
			start = end;
		}
		return chunks;
	}

	/**
	 * Builds an {@link OfflineChatModel}.
	 */
	public static final class Builder {

		private Clock clock = Clock.systemDefaultZone();

		private ZoneId zone;

		private Builder() {
		}

		/**
		 * The clock that says what day "today" is.
		 * @param clock the clock; the system clock in the default time zone when not set
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * The users' time zone, in which "today", "tomorrow" and "friday" are meant when
		 * no system message says which day today is.
		 * @param zone the zone; the clock's zone when not set
		 * @return this builder
		 */
		public Builder zone(ZoneId zone) {
			this.zone = Objects.requireNonNull(zone, "zone must not be null");
			return this;
		}

		public OfflineChatModel build() {
			return new OfflineChatModel(this);
		}

	}

}
