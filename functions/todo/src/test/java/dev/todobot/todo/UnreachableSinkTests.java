package dev.todobot.todo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class UnreachableSinkTests extends TodoHttpTestSupport {

	@DynamicPropertySource
	static void sink(DynamicPropertyRegistry registry) {
		// nothing listens on port 9: every announcement fails
		registry.add("K_SINK", () -> "http://127.0.0.1:9/");
	}

	@Test
	void changesSucceedWhenTheSinkIsDown() {
		String token = signUp();
		long before = tasks();
		addTask(token, Map.of("title", "Still saved"));
		assertThat(tasks()).isEqualTo(before + 1);
	}

}
