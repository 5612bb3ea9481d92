package io.hearken.router.routing;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the routing logic needs from the outside: state that survives restarts, history, and an outbox. */
public interface RouterPort {

    Optional<ComplaintState> complaint(ComplaintId id);

    void save(ComplaintState state);

    /**
     * Complaints in the same building or from the same resident (either may be null) from {@code from} to {@code to}:
     * only these are read, so the cost of a look-up does not grow with the history.
     */
    List<HistoryEntry> history(String building, String residentHash, Instant from, Instant to);

    void remember(HistoryEntry entry);

    /**
     * Drops what the history keeps of this complaint that could still name its resident: the entry under their
     * contact hash goes, the one under the building stays without hash, unit or words (an erasure).
     */
    void forget(ComplaintId id);

    void send(String topic, ComplaintEvent event);

    /**
     * The input can never be handled here (an event for a complaint the router does not know, a second complaint
     * under a taken tracking id): it goes to the dead-letter topic with this reason, nothing else of the step applies.
     */
    void reject(String reason);
}
