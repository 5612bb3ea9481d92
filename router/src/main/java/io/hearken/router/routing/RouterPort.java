package io.hearken.router.routing;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.HistoryIndex;
import java.util.Optional;

/** What the routing logic needs from the outside: state that survives restarts, history, and an outbox. */
public interface RouterPort {

    Optional<ComplaintState> complaint(ComplaintId id);

    void save(ComplaintState state);

    /** The history of routed complaints, read by what can match, so a look-up's cost does not grow with it. */
    HistoryIndex history();

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
