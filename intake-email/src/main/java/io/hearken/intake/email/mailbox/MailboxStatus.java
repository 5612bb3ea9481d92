package io.hearken.intake.email.mailbox;

import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code emailIntake}: UP while connected (or switched off), DOWN with
 * the reason and since when while the mailbox is unreachable.
 */
@Component("emailIntake")
class MailboxStatus implements HealthIndicator {

    private volatile Health health = Health.unknown().withDetail("state", "starting").build();

    void connected() {
        health = Health.up().withDetail("state", "connected").build();
    }

    void disabled(String why) {
        health = Health.up().withDetail("state", "disabled").withDetail("reason", why).build();
    }

    void down(Instant since, String error) {
        health = Health.down().withDetail("state", "reconnecting").withDetail("since", since.toString())
                .withDetail("error", error).build();
    }

    @Override
    public Health health() {
        return health;
    }
}
