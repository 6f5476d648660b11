package dev.todobot.todo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListTasksTests extends TodoHttpTestSupport {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private String token;

	@BeforeEach
	void addTasks() {
		this.token = signUp();
		addTask(this.token, Map.of("title", "Pay rent", "dueDate", TODAY.minusDays(2).toString(), "priority", "high"));
		addTask(this.token, Map.of("title", "Buy milk", "dueDate", TODAY.toString(), "tags", List.of("shop")));
		long done = addTask(this.token,
				Map.of("title", "Call mom", "dueDate", TODAY.minusDays(1).toString(), "tags", List.of("family")));
		addTask(this.token, Map.of("title", "Plan trip", "description", "Book the MILK-run train", "dueDate",
				TODAY.plusDays(5).toString(), "priority", "low"));
		addTask(this.token, Map.of("title", "Read book", "dueDate", TODAY.plusDays(30).toString()));
		addTask(this.token, Map.of("title", "Someday", "priority", "high"));
		call("completeTask", this.token, Map.of("id", done)).expectStatus().isOk();
	}

	private List<String> titles(Map<String, ?> filter) {
		Map<?, ?> page = call("listTasks", this.token, filter).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<?>) page.get("items")).stream().map((item) -> (String) ((Map<?, ?>) item).get("title")).toList();
	}

	@Test
	void listsNewestFirstByDefault() {
		assertThat(titles(Map.of())).containsExactly("Someday", "Read book", "Plan trip", "Call mom", "Buy milk",
				"Pay rent");
	}

	@Test
	void filtersPendingTasks() {
		assertThat(titles(Map.of("status", "pending"))).doesNotContain("Call mom").hasSize(5);
	}

	@Test
	void filtersCompletedTasks() {
		assertThat(titles(Map.of("status", "completed"))).containsExactly("Call mom");
	}

	@Test
	void filtersByPriority() {
		assertThat(titles(Map.of("priority", "high"))).containsExactly("Someday", "Pay rent");
	}

	@Test
	void filtersByTag() {
		assertThat(titles(Map.of("tag", "#Shop"))).containsExactly("Buy milk");
	}

	@Test
	void findsTextInTitleOrDescriptionIgnoringCase() {
		assertThat(titles(Map.of("q", "milk"))).containsExactly("Plan trip", "Buy milk");
	}

	@Test
	void filtersOverdueOpenTasks() {
		assertThat(titles(Map.of("due", "overdue"))).containsExactly("Pay rent");
	}

	@Test
	void filtersTasksDueToday() {
		assertThat(titles(Map.of("due", "today"))).containsExactly("Buy milk");
	}

	@Test
	void filtersTasksDueThisWeek() {
		assertThat(titles(Map.of("due", "week"))).containsExactly("Plan trip", "Buy milk");
	}

	@Test
	void sortsByDueDateWithUndatedLast() {
		assertThat(titles(Map.of("sort", "due"))).containsExactly("Pay rent", "Call mom", "Buy milk", "Plan trip",
				"Read book", "Someday");
	}

	@Test
	void sortsByPriorityMostUrgentFirst() {
		assertThat(titles(Map.of("sort", "priority"))).containsExactly("Someday", "Pay rent", "Read book", "Call mom",
				"Buy milk", "Plan trip");
	}

	@Test
	void combinesFilters() {
		assertThat(titles(Map.of("status", "pending", "priority", "high", "due", "overdue")))
			.containsExactly("Pay rent");
	}

	@Test
	void pagesThroughAListLongerThanOnePage() {
		for (String sort : List.of("created", "due", "priority")) {
			List<String> seen = new ArrayList<>();
			Object cursor = null;
			int pages = 0;
			do {
				Map<String, Object> filter = new HashMap<>(Map.of("sort", sort, "limit", 4));
				if (cursor != null) {
					filter.put("cursor", cursor);
				}
				Map<?, ?> page = call("listTasks", this.token, filter).expectStatus()
					.isOk()
					.expectBody(Map.class)
					.returnResult()
					.getResponseBody();
				((List<?>) page.get("items")).forEach((item) -> seen.add((String) ((Map<?, ?>) item).get("title")));
				cursor = page.get("nextCursor");
				pages++;
			}
			while (cursor != null);
			assertThat(pages).isEqualTo(2);
			assertThat(seen).containsExactlyElementsOf(titles(Map.of("sort", sort)));
		}
	}

}
