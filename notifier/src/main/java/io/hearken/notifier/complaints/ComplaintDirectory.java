package io.hearken.notifier.complaints;

import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.InformationRequested;
import io.hearken.events.ProgressNoted;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.kafka.StateTopic;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.kafka.FollowingTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Contact, language, subject and department of every complaint, and where it stands (for the daily digest),
 * rebuilt at start-up by reading {@code complaints.state} from its beginning (compacted: it never expires; one
 * current record per complaint, written by the router) and kept current by following it, and by the mail listener,
 * which remembers each routing as it handles it. The newest routing wins.
 */
@Component("notifierComplaintDirectory")
public class ComplaintDirectory extends FollowingTopic {

    private final ConcurrentMap<ComplaintId, ComplaintFacts> facts = new ConcurrentHashMap<>();
    /** Where each complaint stands (for the daily digest), from its state record. */
    private final ConcurrentMap<ComplaintId, Standing> standing = new ConcurrentHashMap<>();
    /** Per complaint, the event ids of the resolutions the resident has rated (a feedback came after them). */
    private final ConcurrentMap<ComplaintId, Set<String>> rated = new ConcurrentHashMap<>();
    /** Per complaint, the last thing the resident did or was told of (from its state record): the quiet-period clock. */
    private final ConcurrentMap<ComplaintId, Activity> activity = new ConcurrentHashMap<>();

    /** The last event of a complaint that the resident did or was told of. */
    public record Activity(Instant at, String eventId) {
    }

    /** Status of a complaint and when it last became resolved ({@code null} while open). */
    public record Standing(ComplaintStatus status, Instant resolvedAt) {
    }

    ComplaintDirectory(ConsumerFactory<?, ?> consumers, Sealing sealing) {
        super(BEFORE_LISTENERS);
        follow(StateTopic.tail(consumers, sealing, this::accept));
    }

    private void accept(ComplaintId id, ComplaintSnapshot snapshot) {
        if (snapshot == null) { // erased
            facts.remove(id);
            standing.remove(id);
            rated.remove(id);
            activity.remove(id);
            return;
        }
        Set<String> ratedNow = new HashSet<>();
        String resolution = null;
        for (ComplaintEvent event : snapshot.events()) {
            if (event instanceof ComplaintResolved) {
                resolution = event.eventId();
            } else if (event instanceof FeedbackGiven && resolution != null) {
                ratedNow.add(resolution);
            }
        }
        if (ratedNow.isEmpty()) {
            rated.remove(id);
        } else {
            rated.put(id, Set.copyOf(ratedNow));
        }
        ComplaintRouted routed = snapshot.latestRouting();
        if (routed != null) {
            remember(routed);
        }
        Standing now = null;
        for (ComplaintEvent event : snapshot.events()) {
            now = next(now, event);
        }
        if (now != null) {
            standing.put(id, now);
        }
        Activity last = null;
        for (ComplaintEvent event : snapshot.events()) {
            if (residentHears(event) && event.at() != null && (last == null || !event.at().isBefore(last.at()))) {
                last = new Activity(event.at(), event.eventId());
            }
        }
        if (last != null) {
            activity.put(id, last);
        }
    }

    /**
     * What ends a quiet period: what the resident was told of or did. Private notes, SLA alerts and escalations to a
     * supervisor are staff matters: the resident heard nothing.
     */
    private static boolean residentHears(ComplaintEvent event) {
        return event instanceof ComplaintRouted || event instanceof ComplaintAcknowledged
                || event instanceof ProgressNoted p && p.visibleToResident() || event instanceof InformationRequested
                || event instanceof FollowUpReceived || event instanceof ComplaintResolved
                || event instanceof ComplaintReopened || event instanceof FeedbackGiven
                || event instanceof ComplaintEscalated e && e.level() == ComplaintEscalated.Level.MANAGEMENT;
    }

    /** The last event of the complaint the resident did or heard of, as its state record says. */
    public Optional<Activity> lastActivity(ComplaintId id) {
        return Optional.ofNullable(activity.get(id));
    }

    private static Standing next(Standing old, ComplaintEvent event) {
        ComplaintStatus before = old == null ? null : old.status();
        ComplaintStatus after = ComplaintStatus.after(before, event);
        if (after == null) {
            return old;
        }
        Instant resolvedAt = after == ComplaintStatus.RESOLVED || after == ComplaintStatus.CLOSED
                ? (old != null && old.resolvedAt() != null ? old.resolvedAt() : event.at()) : null;
        return new Standing(after, resolvedAt);
    }

    /** Every complaint known, with where it stands (RECEIVED/ASSIGNED when no update was seen). */
    public void forEach(java.util.function.BiConsumer<ComplaintFacts, Standing> each) {
        facts.forEach((id, f) -> each.accept(f, standing.getOrDefault(id, new Standing(ComplaintStatus.ASSIGNED, null))));
    }

    public void remember(ComplaintRouted routed) {
        ComplaintFacts fresh = ComplaintFacts.of(routed);
        facts.merge(routed.complaintId(), fresh, (old, now) -> now.routedAt() != null && old.routedAt() != null
                && now.routedAt().isBefore(old.routedAt()) ? old : now);
    }

    /** Event ids of the complaint's resolutions that were rated (so a satisfaction link is used up). */
    public Set<String> ratedResolutions(ComplaintId id) {
        return rated.getOrDefault(id, Set.of());
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

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
