package io.hearken.router.routing;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.router.sla.SlaTimer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the router keeps per complaint (in a Kafka Streams store with a changelog topic): the last
 * routing decision, the SLA clock, the status, breaches so far, and the ids of events already
 * handled or emitted, so that a redelivered event changes nothing.
 */
public record ComplaintState(ComplaintId complaintId, ComplaintRouted routed, ComplaintStatus status, SlaTimer sla,
        boolean major, int breaches, List<String> seen) {

    static final int SEEN_KEPT = 64;

    public ComplaintState {
        seen = seen == null ? List.of() : List.copyOf(seen);
    }

    public String department() {
        return routed.assignment().department();
    }

    boolean hasSeen(String eventId) {
        return eventId != null && seen.contains(eventId);
    }

    ComplaintState with(ComplaintRouted routed, ComplaintStatus status, SlaTimer sla, int breaches, List<String> newIds) {
        List<String> ids = new ArrayList<>(seen);
        for (String id : newIds) {
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        while (ids.size() > SEEN_KEPT) {
            ids.remove(0);
        }
        return new ComplaintState(complaintId, routed, status, sla, major, breaches, ids);
    }
}
