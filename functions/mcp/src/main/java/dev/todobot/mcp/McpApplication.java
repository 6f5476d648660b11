package dev.todobot.mcp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The mcp function app: the todo tools for language models, served over MCP Streamable
 * HTTP at {@code POST /mcp}.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class McpApplication {

	public static void main(String[] args) {
		SpringApplication.run(McpApplication.class, args);
	}

}
