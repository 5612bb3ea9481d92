package io.hearken.intake.email.mailbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code emailIntake}: UP while every watched mailbox is connected (or the
 * channel is switched off), DOWN with the reason and since when while one is unreachable; one detail per mailbox.
 */
@Component("emailIntake")
class MailboxStatus implements HealthIndicator {

    private record State(Status status, Map<String, Object> details) {
    }

    private final Map<String, State> mailboxes = new ConcurrentHashMap<>();
    private volatile String disabled;

    void starting(String mailbox) {
        mailboxes.put(mailbox, new State(Status.UNKNOWN, Map.of("state", "starting")));
    }

    void connected(String mailbox) {
        mailboxes.put(mailbox, new State(Status.UP, Map.of("state", "connected")));
    }

    void disabled(String why) {
        disabled = why;
    }

    void down(String mailbox, Instant since, String error) {
        mailboxes.put(mailbox, new State(Status.DOWN, Map.of("state", "reconnecting", "since", since.toString(),
                "error", error)));
    }

    @Override
    public Health health() {
        if (disabled != null) {
            return Health.up().withDetail("state", "disabled").withDetail("reason", disabled).build();
        }
        if (mailboxes.isEmpty()) {
            return Health.unknown().withDetail("state", "starting").build();
        }
        Status overall = Status.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, State> e : new java.util.TreeMap<>(mailboxes).entrySet()) {
            details.put(e.getKey(), e.getValue().details());
            if (e.getValue().status().equals(Status.DOWN)) {
                overall = Status.DOWN;
            } else if (e.getValue().status().equals(Status.UNKNOWN) && overall.equals(Status.UP)) {
                overall = Status.UNKNOWN;
            }
        }
        return Health.status(overall).withDetail("mailboxes", details).build();
    }
}
