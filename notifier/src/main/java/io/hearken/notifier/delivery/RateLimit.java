package io.hearken.notifier.delivery;

import io.hearken.events.privacy.PersonalData;
import io.hearken.notifier.NotifierProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * At most N mails per resident address in a sliding window: a mail loop with an auto-responder, or a storm of
 * updates, cannot flood a mailbox. In memory per instance (a restart forgives; the limit is a guard, not a quota).
 */
@Component("notifierRateLimit")
class RateLimit {

    private static final int SWEEP_EVERY = 1_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<String, Deque<Long>> sent = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    @Autowired
    RateLimit(NotifierProperties properties) {
        this(properties.rateLimit().perAddress(), properties.rateLimit().window(), Clock.systemUTC());
    }

    RateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Takes one slot for the address, or returns {@code false} when the window is full. */
    boolean tryAcquire(String address) {
        long now = clock.millis();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        boolean[] acquired = {false};
        // All under the map's lock for this address: a sweep cannot drop the deque between lookup and use.
        sent.compute(PersonalData.normalize(address), (a, times) -> {
            Deque<Long> t = times == null ? new ArrayDeque<>() : times;
            while (!t.isEmpty() && t.peekFirst() <= now - window.toMillis()) {
                t.pollFirst();
            }
            if (t.size() < limit) {
                t.addLast(now);
                acquired[0] = true;
            }
            return t;
        });
        return acquired[0];
    }

    /** Forgets addresses with nothing in the window, so a long-running instance does not keep every address. */
    private void sweep(long now) {
        for (String address : sent.keySet()) {
            sent.computeIfPresent(address, (a, times) -> {
                Long last = times.peekLast();
                return last == null || last <= now - window.toMillis() ? null : times;
            });
        }
    }

    /** Addresses currently tracked. */
    int trackedAddresses() {
        return sent.size();
    }

    /** Gives back a slot taken for a mail that then failed. */
    void release(String address) {
        sent.computeIfPresent(PersonalData.normalize(address), (a, times) -> {
            times.pollLast();
            return times;
        });
    }
}
