package dev.todobot.chat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Tomorrow" is the user's tomorrow. Pago Pago (UTC-11) and Kiritimati (UTC+14) are 25
 * hours apart, so at any moment their dates differ and at most one of them is UTC's.
 */
class TimeZoneChatTests extends ChatTestSupport {

	@Test
	void tomorrowIsTheDayAfterTheUsersOwnToday() {
		for (String zone : List.of("Pacific/Pago_Pago", "Pacific/Kiritimati")) {
			TestUser user = newUser(zone);
			chatOk(user, Map.of("message", "add call mom tomorrow"));
			LocalDate tomorrow = LocalDate.now(ZoneId.of(zone)).plusDays(1);
			assertThat(EmbeddedDatabase.count("select count(*) from tasks where user_id = " + user.id()
					+ " and lower(title) = 'call mom' and due_date = date '" + tomorrow + "'"))
				.as("call mom, due " + tomorrow + " in " + zone)
				.isOne();
		}
	}

}
