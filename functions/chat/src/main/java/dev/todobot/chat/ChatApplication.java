package dev.todobot.chat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The chat function app: a langchain4j agent that manages a user's todos through the mcp
 * function and keeps every conversation in the database.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class ChatApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChatApplication.class, args);
	}

}
