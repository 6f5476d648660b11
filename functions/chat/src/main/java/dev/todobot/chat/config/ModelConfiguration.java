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

	private final String apiKey;

	private final String baseUrl;

	private final String model;

	private final Duration timeout;

	ModelConfiguration(@Value("${OPENAI_API_KEY}") String apiKey, @Value("${OPENAI_BASE_URL:}") String baseUrl,
			@Value("${OPENAI_MODEL:gpt-4o-mini}") String model, @Value("${CHAT_MODEL_TIMEOUT:60s}") Duration timeout) {
		this.apiKey = apiKey;
		this.baseUrl = baseUrl.isBlank() ? null : baseUrl;
		this.model = model;
		this.timeout = timeout;
	}

	@Bean
	OpenAiChatModel openAiChatModel() {
		return OpenAiChatModel.builder()
			.apiKey(this.apiKey)
			.baseUrl(this.baseUrl)
			.modelName(this.model)
			.timeout(this.timeout)
			.maxRetries(0)
			.build();
	}

	@Bean
	OpenAiStreamingChatModel openAiStreamingChatModel() {
		return OpenAiStreamingChatModel.builder()
			.apiKey(this.apiKey)
			.baseUrl(this.baseUrl)
			.modelName(this.model)
			.timeout(this.timeout)
			.build();
	}

}
