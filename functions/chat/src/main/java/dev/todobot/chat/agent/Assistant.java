package dev.todobot.chat.agent;

import java.util.UUID;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;

/**
 * The langchain4j AI Service: one conversation turn, answered at once or streamed.
 */
interface Assistant {

	Result<String> chat(@MemoryId UUID conversationId, @UserMessage String message);

	TokenStream stream(@MemoryId UUID conversationId, @UserMessage String message);

}
