package dev.todobot.chat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in offline model, the real mcp function and the real database, talked to as a
 * person would.
 */
class ChatByWordsTests extends ChatTestSupport {

	private static List<String> toolsRun(Map<?, ?> turn) {
		return ((List<?>) turn.get("toolCalls")).stream()
			.map((call) -> (String) ((Map<?, ?>) call).get("name"))
			.toList();
	}

	@Test
	void addsATaskWithItsDueDateByChat() {
		TestUser user = newUser();
		Map<?, ?> turn = chatOk(user, Map.of("message", "add buy milk tomorrow #shop"));
		assertThat(toolsRun(turn)).containsExactly("add_task");
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		assertThat(count("select count(*) from tasks where user_id = " + user.id() + " and title = 'buy milk'"
				+ " and due_date = '" + tomorrow + "' and 'shop' = any(tags)"))
			.isEqualTo(1);
		assertThat((String) turn.get("reply")).containsIgnoringCase("buy milk");
	}

	@Test
	void listsOpenTasksByChat() {
		TestUser user = newUser();
		chatOk(user, Map.of("message", "add call mom"));
		Map<?, ?> turn = chatOk(user, Map.of("message", "what is still open?"));
		assertThat(toolsRun(turn)).containsExactly("list_tasks");
		assertThat((String) turn.get("reply")).contains("call mom");
	}

	@Test
	void completesATaskNamedByWords() {
		TestUser user = newUser();
		chatOk(user, Map.of("message", "add buy milk"));
		Map<?, ?> turn = chatOk(user, Map.of("message", "mark the milk done"));
		assertThat(toolsRun(turn)).containsExactly("list_tasks", "complete_task");
		assertThat(count("select count(*) from tasks where user_id = " + user.id() + " and completed")).isEqualTo(1);
	}

	@Test
	void updatesATaskByNumber() {
		TestUser user = newUser();
		chatOk(user, Map.of("message", "add pay rent"));
		long id = count("select id from tasks where user_id = " + user.id());
		Map<?, ?> turn = chatOk(user, Map.of("message", "make task " + id + " urgent"));
		assertThat(toolsRun(turn)).containsExactly("update_task");
		assertThat(count("select count(*) from tasks where id = " + id + " and priority = 3")).isEqualTo(1);
	}

	@Test
	void deletesATaskNamedByWords() {
		TestUser user = newUser();
		chatOk(user, Map.of("message", "add water the plants"));
		Map<?, ?> turn = chatOk(user, Map.of("message", "delete the plants task"));
		assertThat(toolsRun(turn)).containsExactly("list_tasks", "delete_task");
		assertThat(count("select count(*) from tasks where user_id = " + user.id())).isZero();
	}

	@Test
	void continuesTheConversationItWasGiven() {
		TestUser user = newUser();
		Map<?, ?> first = chatOk(user, Map.of("message", "add buy milk"));
		Map<?, ?> second = chatOk(user,
				Map.of("message", "show my tasks", "conversationId", first.get("conversationId")));
		assertThat(second.get("conversationId")).isEqualTo(first.get("conversationId"));
		assertThat(count("select count(*) from messages m join conversations c on c.id = m.conversation_id"
				+ " where c.user_id = " + user.id() + " and m.role = 'user'"))
			.isEqualTo(2);
	}

	@Test
	void unknownRequestsGetHelpAndChangeNothing() {
		TestUser user = newUser();
		Map<?, ?> turn = chatOk(user, Map.of("message", "sing me a song"));
		assertThat(toolsRun(turn)).isEmpty();
		assertThat((String) turn.get("reply")).containsIgnoringCase("add");
		assertThat(count("select count(*) from tasks where user_id = " + user.id())).isZero();
	}

}
