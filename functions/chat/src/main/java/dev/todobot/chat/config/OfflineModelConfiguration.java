package dev.todobot.chat.config;

import java.time.Clock;
import java.time.ZoneOffset;

import dev.todobot.chat.offline.OfflineChatModel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in offline model, when no {@code OPENAI_API_KEY} is set: the embedded default
 * for the run command, the tests and the cluster demo. It answers plain commands with
 * real tool calls through the same MCP path as any model.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${OPENAI_API_KEY:}' == ''")
class OfflineModelConfiguration {

	@Bean
	OfflineChatModel offlineChatModel(Clock clock) {
		return OfflineChatModel.builder().clock(clock).zone(ZoneOffset.UTC).build();
	}

}
