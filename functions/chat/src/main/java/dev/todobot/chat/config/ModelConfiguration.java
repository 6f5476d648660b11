package dev.todobot.chat.config;

import java.time.Duration;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Any OpenAI-compatible model, when {@code OPENAI_API_KEY} is set:
 * {@code OPENAI_BASE_URL} (the provider's default when unset), {@code OPENAI_MODEL}
 * (default gpt-4o-mini) and {@code CHAT_MODEL_TIMEOUT} (default 60s). Failures are
 * reported to the caller at once, not retried, so that a turn never hangs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${OPENAI_API_KEY:}' != ''")
class ModelConfiguration {

	@Bean
	OpenAiChatModel openAiChatModel(@Value("${OPENAI_API_KEY}") String apiKey,
			@Value("${OPENAI_BASE_URL:}") String baseUrl, @Value("${OPENAI_MODEL:gpt-4o-mini}") String model,
			@Value("${CHAT_MODEL_TIMEOUT:60s}") Duration timeout) {
		return OpenAiChatModel.builder()
			.apiKey(apiKey)
			.baseUrl(baseUrl.isBlank() ? null : baseUrl)
			.modelName(model)
			.timeout(timeout)
			.maxRetries(0)
			.build();
	}

	@Bean
	OpenAiStreamingChatModel openAiStreamingChatModel(@Value("${OPENAI_API_KEY}") String apiKey,
			@Value("${OPENAI_BASE_URL:}") String baseUrl, @Value("${OPENAI_MODEL:gpt-4o-mini}") String model,
			@Value("${CHAT_MODEL_TIMEOUT:60s}") Duration timeout) {
		return OpenAiStreamingChatModel.builder()
			.apiKey(apiKey)
			.baseUrl(baseUrl.isBlank() ? null : baseUrl)
			.modelName(model)
			.timeout(timeout)
			.build();
	}

}
