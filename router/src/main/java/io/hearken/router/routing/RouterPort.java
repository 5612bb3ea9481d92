package io.hearken.router.routing;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import java.util.List;
import java.util.Optional;

/** What the routing logic needs from the outside: state that survives restarts, history, and an outbox. */
public interface RouterPort {

    Optional<ComplaintState> complaint(ComplaintId id);

    void save(ComplaintState state);

    /** Earlier complaints in the same building or from the same resident (either may be null). */
    List<HistoryEntry> history(String building, String residentHash);

    void remember(HistoryEntry entry);

    void send(String topic, ComplaintEvent event);
}
