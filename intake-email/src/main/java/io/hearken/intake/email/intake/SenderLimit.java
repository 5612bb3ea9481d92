package io.hearken.intake.email.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} new complaints per sender in any sliding hour (a flood, a loop with a foreign
 * auto-responder). Kept in memory: after a restart a sender starts with a fresh hour.
 */
public final class SenderLimit {

    private static final Duration HOUR = Duration.ofHours(1);

    private final int limit;
    private final Clock clock;
    private final Map<String, Deque<Instant>> opened = new ConcurrentHashMap<>();

    public SenderLimit(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** {@code true} and counted when the sender may open one more complaint now. */
    public synchronized boolean tryAcquire(String sender) {
        if (limit <= 0) {
            return true;
        }
        Instant now = clock.instant();
        Deque<Instant> times = opened.computeIfAbsent(sender, s -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(HOUR))) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        if (opened.size() > 100_000) { // forget idle senders
            opened.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(HOUR)));
        }
        return true;
    }
}
