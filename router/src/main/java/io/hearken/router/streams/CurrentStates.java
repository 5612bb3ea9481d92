package io.hearken.router.streams;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.router.routing.ComplaintState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The writer of {@code complaints.state}: folds each event the router handles or emits into its complaint's
 * {@link ComplaintSnapshot}, kept in the complaint's record ({@link KeptComplaints}) and published when it changed
 * and the complaint has been routed. The one place the record is built ({@link #next}), so erasure can rewrite or
 * remove it here.
 */
final class CurrentStates {

    private CurrentStates() {
    }

    /** The snapshots after the events, of the complaints they changed ({@code current}: a complaint's until now). */
    static Map<String, ComplaintSnapshot> fold(List<ComplaintEvent> events,
            Function<String, ComplaintSnapshot> current) {
        Map<String, ComplaintSnapshot> changed = new LinkedHashMap<>();
        for (ComplaintEvent event : events) {
            String id = event.complaintId().value();
            ComplaintSnapshot before = changed.containsKey(id) ? changed.get(id) : current.apply(id);
            ComplaintSnapshot after = next(before, event);
            if (after != before) {
                changed.put(id, after);
            }
        }
        return changed;
    }

    /** Whether the snapshot goes to {@code complaints.state}: before the routing, the complaint is no one's yet. */
    static boolean published(ComplaintSnapshot snapshot) {
        return snapshot.latestRouting() != null;
    }

    /**
     * Complaints the router routed before it wrote {@code complaints.state} (an upgrade; {@code ids} from
     * {@link KeptComplaints#reindex}) get a record from what it kept: the latest routing and the status. Their
     * earlier updates are not in it; later ones join as they come.
     */
    static List<ComplaintSnapshot> backfill(KeptComplaints complaints, List<String> ids) {
        List<ComplaintSnapshot> seeded = new ArrayList<>();
        for (String id : ids) {
            KeptComplaint kept = complaints.get(id);
            ComplaintState state = kept.state();
            ComplaintRouted routed = state == null ? null : state.routed();
            if (routed == null || !kept.snapshot().events().isEmpty()) {
                continue;
            }
            ComplaintSnapshot snapshot = new ComplaintSnapshot(ComplaintId.of(id), routed.at(), state.status(),
                    List.of(routed));
            complaints.put(id, state, snapshot);
            seeded.add(snapshot);
        }
        return seeded;
    }

    /** The record for a complaint after one more event; the same instance when nothing changed. */
    static ComplaintSnapshot next(ComplaintSnapshot current, ComplaintEvent event) {
        return current.with(event);
    }
}
