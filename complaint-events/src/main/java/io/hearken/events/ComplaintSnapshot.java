package io.hearken.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The current state of one complaint on the compacted {@code complaints.state} topic: every event the desk and
 * the notifier fold (routings, desk and SLA updates, the resident's follow-ups and ratings; not the
 * {@code complaint-received}, which each routing carries), in the order the router handled them, and the status
 * they lead to. Written by the router in the same transaction as the events; a service rebuilds from it after any
 * time, as compaction keeps the latest record per complaint forever (a tombstone removes one, e.g. on erasure).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonTypeName(ComplaintSnapshot.TYPE)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplaintSnapshot(ComplaintId complaintId, Instant at, ComplaintStatus status, List<ComplaintEvent> events) {

    public static final String TYPE = "complaint-snapshot";
    /**
     * Events kept per complaint; beyond it the oldest that are not the latest routing go, so a record stays far
     * below the broker's message size limit however long a complaint runs.
     */
    public static final int MAX_EVENTS = 200;

    public ComplaintSnapshot {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static ComplaintSnapshot empty(ComplaintId id) {
        return new ComplaintSnapshot(id, null, null, List.of());
    }

    /** This snapshot with the event added; itself when the event is already in it or is not folded. */
    public ComplaintSnapshot with(ComplaintEvent event) {
        if (event == null || event instanceof ComplaintReceived || contains(event.eventId())
                || !complaintId.equals(event.complaintId())) {
            return this;
        }
        List<ComplaintEvent> next = new ArrayList<>(events);
        next.add(event);
        ComplaintRouted routing = latestRouting(next);
        while (next.size() > MAX_EVENTS) {
            next.remove(next.get(0) == routing ? 1 : 0);
        }
        Instant latest = at == null || event.at() != null && event.at().isAfter(at) ? event.at() : at;
        return new ComplaintSnapshot(complaintId, latest, ComplaintStatus.after(status, event), next);
    }

    public boolean contains(String eventId) {
        return eventId != null && events.stream().anyMatch(e -> eventId.equals(e.eventId()));
    }

    /** The newest routing decision (it carries the complaint), or null before the router routed it. */
    public ComplaintRouted latestRouting() {
        return latestRouting(events);
    }

    private static ComplaintRouted latestRouting(List<ComplaintEvent> events) {
        ComplaintRouted latest = null;
        for (ComplaintEvent e : events) {
            if (e instanceof ComplaintRouted routed
                    && (latest == null || latest.at() == null || routed.at() != null && !routed.at().isBefore(latest.at()))) {
                latest = routed;
            }
        }
        return latest;
    }
}
