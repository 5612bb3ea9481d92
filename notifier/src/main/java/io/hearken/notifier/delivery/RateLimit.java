package io.hearken.notifier.delivery;

import io.hearken.events.privacy.PersonalData;
import io.hearken.notifier.NotifierProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * At most N mails per resident address in a sliding window: a mail loop with an auto-responder, or a storm of
 * updates, cannot flood a mailbox. In memory per instance (a restart forgives; the limit is a guard, not a quota).
 */
@Component("notifierRateLimit")
class RateLimit {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<String, Deque<Long>> sent = new ConcurrentHashMap<>();

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
        Deque<Long> times = sent.computeIfAbsent(PersonalData.normalize(address), a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    /** Gives back a slot taken for a mail that then failed. */
    void release(String address) {
        Deque<Long> times = sent.get(PersonalData.normalize(address));
        if (times != null) {
            synchronized (times) {
                times.pollLast();
            }
        }
    }
}
