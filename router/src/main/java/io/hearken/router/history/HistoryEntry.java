package io.hearken.router.history;

import io.hearken.events.ComplaintId;
import java.time.Instant;

/**
 * What the router remembers of a routed complaint for duplicate and repeat detection: where, who
 * (the keyed hash of the contact, never the contact), what, when, and its master incident if linked.
 */
public record HistoryEntry(ComplaintId complaintId, Instant at, String building, String unit, String residentHash,
        String category, String text, ComplaintId relatedTo) {

    /** The incident this complaint belongs to: its master, or itself. */
    public ComplaintId incident() {
        return relatedTo != null ? relatedTo : complaintId;
    }
}
