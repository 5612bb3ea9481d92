package io.hearken.notifier.complaints;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.notifier.complaints.ComplaintDirectory.Activity;
import io.hearken.notifier.complaints.ComplaintDirectory.Standing;
import java.time.Instant;
import java.util.Set;

/**
 * What the directory keeps of a complaint beside its {@link ComplaintFacts}: the routing's id, time, department and
 * resolution deadline, where the complaint stands, its quiet-period clock and its rated resolutions. Nothing
 * personal, so it is stored unsealed and the walks over many complaints (periodic updates, the daily digest) read
 * it without opening a key. {@code routingId} is null until a routing is known (a state record may come first);
 * {@code standing} and {@code lastActivity} are null until a state record says so.
 */
public record TrackedComplaint(ComplaintId id, String routingId, Instant routedAt, String department,
        Instant resolutionDue, Standing standing, Activity lastActivity, Set<String> rated) {

    private static final Standing NOT_SEEN = new Standing(ComplaintStatus.ASSIGNED, null);

    public TrackedComplaint {
        rated = rated == null ? Set.of() : Set.copyOf(rated);
    }

    static TrackedComplaint unknown(ComplaintId id) {
        return new TrackedComplaint(id, null, null, null, null, null, null, Set.of());
    }

    /** Whether its routing is known (only then does the notifier mail about it). */
    public boolean routed() {
        return routingId != null;
    }

    /** Where it stands: ASSIGNED while no state record said otherwise (a routing was seen). */
    public Standing standingNow() {
        return standing == null ? NOT_SEEN : standing;
    }

    boolean open() {
        return ComplaintStatus.isOpen(standingNow().status());
    }

    TrackedComplaint routedBy(ComplaintRouted routing) {
        ComplaintRouted.Assignment a = routing.assignment();
        return new TrackedComplaint(id, routing.eventId(), routing.at(), a == null ? null : a.department(),
                a == null ? null : a.resolutionDue(), standing, lastActivity, rated);
    }

    TrackedComplaint with(Standing standing, Activity lastActivity, Set<String> rated) {
        return new TrackedComplaint(id, routingId, routedAt, department, resolutionDue, standing, lastActivity, rated);
    }
}
