package dev.todobot.chat.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.todobot.chat.agent.ChatAgent;
import dev.todobot.chat.agent.McpConnector;
import dev.todobot.chat.conversation.Conversation;
import dev.todobot.chat.conversation.ConversationStore;
import dev.todobot.chat.conversation.PersistentChatMemoryStore;
import dev.todobot.chat.conversation.StoredMessage;
import dev.todobot.chat.conversation.TurnStore;
import dev.todobot.core.db.Database;
import dev.todobot.core.db.PersistentEntities;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat function's parts. Settings: {@code MCP_URL} (the mcp function's /mcp),
 * {@code MCP_TIMEOUT} (default 30s), {@code CHAT_MEMORY_WINDOW} (messages the model sees,
 * default 20).
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	@Bean
	PersistentEntities persistentEntities() {
		return new PersistentEntities(List.of(Conversation.class, StoredMessage.class));
	}

	@Bean
	ConversationStore conversationStore(Database database, Clock clock) {
		return new ConversationStore(database, clock);
	}

	/**
	 * A turn holds its conversation for twice its longest single wait, for the model or a
	 * tool, after it last kept a message.
	 */
	@Bean
	TurnStore turnStore(Database database, Clock clock, @Value("${MCP_TIMEOUT:30s}") Duration mcpTimeout,
			@Value("${CHAT_MODEL_TIMEOUT:60s}") Duration modelTimeout) {
		Duration longestWait = (mcpTimeout.compareTo(modelTimeout) > 0) ? mcpTimeout : modelTimeout;
		return new TurnStore(database, clock, longestWait.multipliedBy(2));
	}

	@Bean
	McpConnector mcpConnector(@Value("${MCP_URL:http://localhost:8082/mcp}") String url,
			@Value("${MCP_TIMEOUT:30s}") Duration timeout) {
		return new McpConnector(url, timeout);
	}

	@Bean
	ChatAgent chatAgent(ModelConfiguration.ChatModels models, ConversationStore conversations, TurnStore turns,
			@Value("${CHAT_MEMORY_WINDOW:20}") int window, McpConnector mcp, Clock clock) {
		return new ChatAgent(models.chat(), models.streaming(),
				new PersistentChatMemoryStore(conversations, turns, window), window, mcp, clock);
	}

}
