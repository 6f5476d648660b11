package dev.todobot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentChatsTests extends ChatTestSupport {

	private static final int USERS = 50;

	private static final Pattern SECRET = Pattern.compile("secret of user (\\d+)");

	@Test
	void fiftyUsersChattingAtOnceEachSeeOnlyTheirOwnTasks() throws Exception {
		List<TestUser> users = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			users.add(newUser());
		}
		List<Future<String>> lists = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (TestUser user : users) {
				lists.add(pool.submit(() -> {
					chatOk(user, Map.of("message", "add secret of user " + user.id()));
					Map<?, ?> turn = chatOk(user, Map.of("message", "show my tasks"));
					return ((List<?>) turn.get("toolCalls")).toString() + turn.get("reply");
				}));
			}
			for (int i = 0; i < USERS; i++) {
				Set<Long> owners = SECRET.matcher(lists.get(i).get())
					.results()
					.map((match) -> Long.valueOf(match.group(1)))
					.collect(Collectors.toSet());
				assertThat(owners).containsExactly(users.get(i).id());
			}
		}
		for (TestUser user : users) {
			assertThat(count("select count(*) from tasks where user_id = " + user.id() + " and title = 'secret of user "
					+ user.id() + "'"))
				.isEqualTo(1);
		}
	}

}
