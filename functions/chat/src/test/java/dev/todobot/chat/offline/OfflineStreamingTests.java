package dev.todobot.chat.offline;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.junit.jupiter.api.Test;

import static dev.todobot.chat.offline.OfflineConversation.assertCall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * As a streaming model: text in a few chunks, tool calls announced and then completed.
 */
class OfflineStreamingTests {

	private final OfflineChatModel model = OfflineChatModel.builder().clock(OfflineConversation.CLOCK).build();

	@Test
	void streamsTextInAFewChunksThatJoinToTheAnswer() {
		Recorder recorder = new Recorder();

		this.model.chat(OfflineConversation.firstRequest("hello there, what is this"), recorder);

		assertThat(recorder.partials).hasSizeBetween(2, 12);
		assertThat(String.join("", recorder.partials)).isEqualTo(recorder.complete.aiMessage().text())
			.startsWith("Sorry, I didn't understand that.");
		assertThat(recorder.toolCalls).isEmpty();
		assertThat(recorder.error).isNull();
	}

	@Test
	void announcesAToolCallAndCompletesWithIt() {
		Recorder recorder = new Recorder();

		this.model.chat(OfflineConversation.firstRequest("complete task 3"), recorder);

		assertCall(recorder.complete, "complete_task", "{\"task_id\":3}");
		assertThat(recorder.toolCalls).singleElement()
			.satisfies((call) -> assertThat(call.toolExecutionRequest())
				.isEqualTo(recorder.complete.aiMessage().toolExecutionRequests().getFirst()));
		assertThat(recorder.partials).isEmpty();
	}

	@Test
	void chunksAreCutAtSpaces() {
		List<String> chunks = OfflineChatModel.chunks("Marked “buy milk” as done, and nothing else is open today.");

		assertThat(chunks).hasSizeGreaterThan(1).allSatisfy((chunk) -> assertThat(chunk).doesNotStartWith(" "));
		assertThat(String.join("", chunks)).isEqualTo("Marked “buy milk” as done, and nothing else is open today.");
	}

	static final class Recorder implements StreamingChatResponseHandler {

		final List<String> partials = new ArrayList<>();

		final List<CompleteToolCall> toolCalls = new ArrayList<>();

		ChatResponse complete;

		Throwable error;

		@Override
		public void onPartialResponse(String partialResponse) {
			this.partials.add(partialResponse);
		}

		@Override
		public void onCompleteToolCall(CompleteToolCall completeToolCall) {
			this.toolCalls.add(completeToolCall);
		}

		@Override
		public void onCompleteResponse(ChatResponse completeResponse) {
			this.complete = completeResponse;
		}

		@Override
		public void onError(Throwable error) {
			this.error = error;
		}

	}

}
