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
	OpenAiSettings openAiSettings(@Value("${OPENAI_API_KEY}") String apiKey,
			@Value("${OPENAI_BASE_URL:}") String baseUrl, @Value("${OPENAI_MODEL:gpt-4o-mini}") String model,
			@Value("${CHAT_MODEL_TIMEOUT:60s}") Duration timeout) {
		return new OpenAiSettings(apiKey, baseUrl.isBlank() ? null : baseUrl, model, timeout);
	}

	@Bean
	OpenAiChatModel openAiChatModel(OpenAiSettings settings) {
		return OpenAiChatModel.builder()
			.apiKey(settings.apiKey())
			.baseUrl(settings.baseUrl())
			.modelName(settings.model())
			.timeout(settings.timeout())
			.maxRetries(0)
			.build();
	}

	@Bean
	OpenAiStreamingChatModel openAiStreamingChatModel(OpenAiSettings settings) {
		return OpenAiStreamingChatModel.builder()
			.apiKey(settings.apiKey())
			.baseUrl(settings.baseUrl())
			.modelName(settings.model())
			.timeout(settings.timeout())
			.build();
	}

	/**
	 * Where the model is and how long it may take.
	 *
	 * @param baseUrl {@code null} for the provider's default
	 */
	record OpenAiSettings(String apiKey, String baseUrl, String model, Duration timeout) {
	}

}
