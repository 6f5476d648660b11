package dev.todobot.core.web;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionRoutesTests {

	private final Function<Message<byte[]>, Mono<Message<byte[]>>> echo = Mono::just;

	@Test
	void theDefinitionNamesTheRoutesInItsOrder() {
		assertThat(FunctionRoutes.named("signup; listTasks;addTask",
				Map.of("addTask", this.echo, "signup", this.echo, "listTasks", this.echo, "unlisted", this.echo)))
			.containsOnlyKeys("signup", "listTasks", "addTask")
			.extracting(Map::keySet)
			.asString()
			.isEqualTo("[signup, listTasks, addTask]");
	}

	@Test
	void aNameThatIsNoFunctionOfBytesIsLeftToSpringCloudFunction() {
		assertThat(FunctionRoutes.named("uppercase;listTasks", Map.of("listTasks", this.echo)))
			.containsOnlyKeys("listTasks");
	}

	@Test
	void anEmptyDefinitionServesNothing() {
		assertThat(FunctionRoutes.named("", Map.of("listTasks", this.echo))).isEmpty();
	}

}
