package io.hearken.notifier.complaints;

import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintAnonymised;
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
import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.LocalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Contact, language, subject and department of every complaint, where it stands and its quiet-period clock, rebuilt
 * at start-up by reading {@code complaints.state} from its beginning (compacted: it never expires; one current
 * record per complaint, written by the router) and kept current by following it, and by the mail listener, which
 * remembers each routing as it handles it. The newest routing wins. Kept on local disk, not on the heap
 * ({@link StoredComplaints}: a {@link LocalStore} kept across clean stops, read on from where it was closed, the
 * personal part sealed): a
 * complaint's facts are read when a mail about it is planned, and the walks over many complaints read one record
 * at a time.
 */
@Component("notifierComplaintDirectory")
public class ComplaintDirectory extends FollowingTopic implements AutoCloseable {

    /** What the store's format is: a store kept by a notifier that stored differently is rebuilt. */
    private static final int STORE_FORMAT = 1;

    private final StoredComplaints stored;
    /** One complaint's records are read, changed and written under its stripe (the tail and the listeners write). */
    private final Object[] stripes = new Object[64];

    /** The last event of a complaint that the resident did or was told of. */
    public record Activity(Instant at, String eventId) {
    }

    /** Status of a complaint and when it last became resolved ({@code null} while open). */
    public record Standing(ComplaintStatus status, Instant resolvedAt) {
    }

    ComplaintDirectory(ConsumerFactory<?, ?> consumers, Sealing sealing, LocalStateProperties local) {
        super(BEFORE_LISTENERS);
        LocalStore store = LocalStore.openKept(local, "notifier-directory", STORE_FORMAT);
        this.stored = new StoredComplaints(store, sealing);
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
        follow(StateTopic.tail(consumers, sealing, this::accept).keptIn(store, () -> { })); // nothing in memory
    }

    /** A complaint's current-state record, or its removal (a tombstone: erasure). */
    void accept(ComplaintId id, ComplaintSnapshot snapshot) {
        if (snapshot == null) { // erased
            synchronized (stripe(id)) {
                stored.remove(id);
            }
            return;
        }
        Set<String> rated = new HashSet<>();
        String resolution = null;
        boolean anonymised = false;
        for (ComplaintEvent event : snapshot.events()) {
            if (event instanceof ComplaintResolved) {
                resolution = event.eventId();
            } else if (event instanceof FeedbackGiven && resolution != null) {
                rated.add(resolution);
            }
            anonymised |= event instanceof ComplaintAnonymised;
        }
        Standing standing = null;
        for (ComplaintEvent event : snapshot.events()) {
            standing = next(standing, event);
        }
        Activity last = null;
        for (ComplaintEvent event : snapshot.events()) {
            if (residentHears(event) && event.at() != null && (last == null || !event.at().isBefore(last.at()))) {
                last = new Activity(event.at(), event.eventId());
            }
        }
        ComplaintRouted routed = snapshot.latestRouting();
        synchronized (stripe(id)) {
            TrackedComplaint before = stored.tracked(id).orElse(null);
            TrackedComplaint now = before == null ? TrackedComplaint.unknown(id) : before;
            if (routed != null) {
                now = routing(now, routed, anonymised);
            }
            now = now.with(standing != null ? standing : now.standing(), last != null ? last : now.lastActivity(),
                    rated);
            if (!now.equals(before)) { // an SLA alert, a private note: nothing the directory keeps changed
                stored.putTracked(now, before);
            }
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
        return stored.tracked(id).map(TrackedComplaint::lastActivity);
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

    /** Every routed complaint known, read from disk one at a time (where it stands: {@code standingNow()}). */
    public void forEach(Consumer<TrackedComplaint> each) {
        stored.forEach(false, tracked -> {
            if (tracked.routed()) {
                each.accept(tracked);
            }
        });
    }

    /** Every routed complaint that is open (RECEIVED/ASSIGNED when no update was seen), read from disk one at a time. */
    public void forEachOpen(Consumer<TrackedComplaint> each) {
        stored.forEach(true, tracked -> {
            if (tracked.routed()) {
                each.accept(tracked);
            }
        });
    }

    public void remember(ComplaintRouted routed) {
        ComplaintId id = routed.complaintId();
        synchronized (stripe(id)) {
            TrackedComplaint before = stored.tracked(id).orElse(null);
            TrackedComplaint now = routing(before == null ? TrackedComplaint.unknown(id) : before, routed, false);
            if (now != before) {
                stored.putTracked(now, before);
            }
        }
    }

    /**
     * The complaint with this routing, unless a newer one is known; the same routing again is stored again only
     * after an erasure (it now reads without the resident's data). Call under the complaint's stripe.
     */
    private TrackedComplaint routing(TrackedComplaint known, ComplaintRouted routed, boolean anonymised) {
        boolean same = routed.eventId() != null && routed.eventId().equals(known.routingId());
        boolean older = !same && known.routedAt() != null && routed.at() != null && routed.at().isBefore(known.routedAt());
        if (older || same && !anonymised) {
            return known;
        }
        stored.putFacts(routed);
        return known.routedBy(routed);
    }

    /** Event ids of the complaint's resolutions that were rated (so a satisfaction link is used up). */
    public Set<String> ratedResolutions(ComplaintId id) {
        return stored.tracked(id).map(TrackedComplaint::rated).orElse(Set.of());
    }

    public Optional<ComplaintFacts> find(ComplaintId id) {
        return stored.facts(id);
    }

    /** Whether the complaint's routing is known here (cheaper than {@link #find}: nothing is opened). */
    public boolean knows(ComplaintId id) {
        return stored.hasFacts(id);
    }

    /** Waits a little for a complaint whose routing this instance has not read yet (topics are read independently). */
    public Optional<ComplaintFacts> await(ComplaintId id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stored.hasFacts(id) && System.nanoTime() < deadline) {
            sleep();
        }
        return stored.facts(id);
    }

    /** Closes the local store (kept, with the position its tail reached); the tail has stopped before (lifecycle). */
    @Override
    public void close() {
        stored.close();
    }

    StoredComplaints stored() {
        return stored;
    }

    private Object stripe(ComplaintId id) {
        return stripes[Math.floorMod(id.hashCode(), stripes.length)];
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
