package dev.todobot.chat.offline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

import static dev.todobot.chat.offline.OfflineConversation.assertCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Building the model, and what every response carries.
 */
class OfflineChatModelBuilderTests {

	@Test
	void buildsWithDefaults() {
		OfflineChatModel model = OfflineChatModel.builder().build();

		assertThat(model).isInstanceOf(ChatModel.class).isInstanceOf(StreamingChatModel.class);
		assertThat(model.chat("help")).startsWith("I'm the built-in assistant.");
	}

	@Test
	void rejectsANullClock() {
		assertThatNullPointerException().isThrownBy(() -> OfflineChatModel.builder().clock(null))
			.withMessage("clock must not be null");
	}

	@Test
	void rejectsANullZone() {
		assertThatNullPointerException().isThrownBy(() -> OfflineChatModel.builder().zone(null))
			.withMessage("zone must not be null");
	}

	@Test
	void meansTodayInTheGivenZone() {
		// 23:30 in UTC on June 10 is already June 11 in Berlin
		Clock lateEvening = Clock.fixed(Instant.parse("2026-06-10T23:30:00Z"), ZoneOffset.UTC);
		OfflineChatModel model = OfflineChatModel.builder().clock(lateEvening).zone(ZoneId.of("Europe/Berlin")).build();
		ChatResponse response = model.chat(OfflineConversation.firstRequest("add buy milk tomorrow"));

		assertCall(response, "add_task", "{\"title\":\"buy milk\",\"due_date\":\"2026-06-12\"}");
	}

	@Test
	void namesItselfAndTheFinishReason() {
		OfflineChatModel model = OfflineChatModel.builder().clock(OfflineConversation.CLOCK).build();
		ChatResponse call = model.chat(OfflineConversation.firstRequest("show my tasks"));
		ChatResponse text = model.chat(OfflineConversation.firstRequest("hello"));

		assertThat(call.modelName()).isEqualTo(OfflineChatModel.MODEL_NAME);
		assertThat(call.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
		assertThat(text.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(call.aiMessage().toolExecutionRequests().getFirst().id()).isEqualTo("offline-call-1");
	}

	@Test
	void answersTheSameRequestTheSameWay() {
		OfflineChatModel model = OfflineChatModel.builder().clock(OfflineConversation.CLOCK).build();
		ChatRequest request = OfflineConversation.firstRequest("add buy milk friday #shop");

		assertThat(model.chat(request)).isEqualTo(model.chat(request));
	}

}
