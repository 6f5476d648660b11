package dev.todobot.chat.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.todobot.chat.offline.OfflineChatModel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model behind the assistant. Any OpenAI-compatible model when {@code OPENAI_API_KEY}
 * is set: {@code OPENAI_BASE_URL} (the provider's default when unset),
 * {@code OPENAI_MODEL} (default gpt-4o-mini) and {@code CHAT_MODEL_TIMEOUT} (default
 * 60s); failures are reported to the caller at once, not retried, so that a turn never
 * hangs. Otherwise the built-in offline model: the embedded default for the run command,
 * the tests and the cluster demo, answering plain commands with real tool calls through
 * the same MCP path.
 * <p>
 * The choice is made when the function starts, in the bean method, not by a condition:
 * Spring AOT evaluates conditions when the image is built, where no key is set.
 */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

	@Bean
	ChatModels chatModels(@Value("${OPENAI_API_KEY:}") String apiKey, @Value("${OPENAI_BASE_URL:}") String baseUrl,
			@Value("${OPENAI_MODEL:gpt-4o-mini}") String model, @Value("${CHAT_MODEL_TIMEOUT:60s}") Duration timeout,
			Clock clock) {
		if (apiKey.isBlank()) {
			OfflineChatModel offline = OfflineChatModel.builder().clock(clock).zone(ZoneOffset.UTC).build();
			return new ChatModels(offline, offline);
		}
		String url = baseUrl.isBlank() ? null : baseUrl;
		return new ChatModels(
				OpenAiChatModel.builder()
					.apiKey(apiKey)
					.baseUrl(url)
					.modelName(model)
					.timeout(timeout)
					.maxRetries(0)
					.build(),
				OpenAiStreamingChatModel.builder()
					.apiKey(apiKey)
					.baseUrl(url)
					.modelName(model)
					.timeout(timeout)
					.build());
	}

	/**
	 * The same model, answering at once and streaming.
	 */
	record ChatModels(ChatModel chat, StreamingChatModel streaming) {
	}

}
