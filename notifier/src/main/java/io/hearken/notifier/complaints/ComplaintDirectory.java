package io.hearken.notifier.complaints;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Topics;
import io.hearken.notifier.kafka.TopicTail;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Contact, language, subject and department of every complaint, rebuilt at start-up by reading
 * {@code complaints.routed} from its beginning and kept current by following it (and by the mail listener,
 * which remembers each routing as it handles it). The newest routing wins.
 */
@Component("notifierComplaintDirectory")
public class ComplaintDirectory implements SmartLifecycle {

    private final ConcurrentMap<ComplaintId, ComplaintFacts> facts = new ConcurrentHashMap<>();
    private final TopicTail tail;

    ComplaintDirectory(ConsumerFactory<String, ComplaintEvent> consumers) {
        this.tail = new TopicTail(Topics.ROUTED, consumers, this::accept);
    }

    private void accept(ComplaintEvent event) {
        if (event instanceof ComplaintRouted routed) {
            remember(routed);
        }
    }

    public void remember(ComplaintRouted routed) {
        ComplaintFacts fresh = ComplaintFacts.of(routed);
        facts.merge(routed.complaintId(), fresh, (old, now) -> now.routedAt() != null && old.routedAt() != null
                && now.routedAt().isBefore(old.routedAt()) ? old : now);
    }

    public Optional<ComplaintFacts> find(ComplaintId id) {
        return Optional.ofNullable(facts.get(id));
    }

    /** Waits a little for a complaint whose routing this instance has not read yet (topics are read independently). */
    public Optional<ComplaintFacts> await(ComplaintId id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ComplaintFacts found = facts.get(id);
        while (found == null && System.nanoTime() < deadline) {
            sleep();
            found = facts.get(id);
        }
        return Optional.ofNullable(found);
    }

    public boolean awaitLoaded(Duration timeout) {
        return tail.awaitCaughtUp(timeout);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        tail.start();
    }

    @Override
    public void stop() {
        tail.stop();
    }

    @Override
    public boolean isRunning() {
        return tail.isRunning();
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
