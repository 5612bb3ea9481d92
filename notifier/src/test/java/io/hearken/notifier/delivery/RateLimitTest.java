package io.hearken.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void allowsNPerAddressWithinTheWindowRegardlessOfCase() {
        RateLimit limit = new RateLimit(2, Duration.ofHours(1), clock);
        assertThat(limit.tryAcquire("a@example.com")).isTrue();
        assertThat(limit.tryAcquire("A@Example.com")).isTrue();
        assertThat(limit.tryAcquire("a@example.com")).isFalse();
        assertThat(limit.tryAcquire("b@example.com")).isTrue();
        now = now.plus(Duration.ofMinutes(61));
        assertThat(limit.tryAcquire("a@example.com")).isTrue();
    }

    @Test
    void addressesWithNothingInTheWindowAreForgotten() {
        RateLimit limit = new RateLimit(5, Duration.ofHours(1), clock);
        for (int i = 0; i < 999; i++) {
            assertThat(limit.tryAcquire("resident" + i + "@example.com")).isTrue();
        }
        assertThat(limit.trackedAddresses()).isEqualTo(999);
        now = now.plus(Duration.ofMinutes(61));
        assertThat(limit.tryAcquire("late@example.com")).isTrue(); // the 1000th call sweeps
        assertThat(limit.trackedAddresses()).isEqualTo(1);
    }

    @Test
    void aFailedSendGivesItsSlotBack() {
        RateLimit limit = new RateLimit(1, Duration.ofHours(1), clock);
        assertThat(limit.tryAcquire("a@example.com")).isTrue();
        limit.release("a@example.com");
        assertThat(limit.tryAcquire("a@example.com")).isTrue();
    }
}
