package dev.todobot.reminders;

import dev.todobot.core.testing.HealthContract;

import org.springframework.test.context.TestPropertySource;

// shows what readiness is made of, which the app keeps to itself
@TestPropertySource(properties = "management.endpoint.health.group.readiness.show-components=always")
class HealthTests extends RemindersHttpTestSupport implements HealthContract {

}
