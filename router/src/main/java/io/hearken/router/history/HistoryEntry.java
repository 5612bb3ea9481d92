package io.hearken.router.history;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.hearken.events.ComplaintId;
import java.time.Instant;

/**
 * What the router remembers of a routed complaint for duplicate and repeat detection: where, who
 * (the keyed hash of the contact, never the contact), what, when, its master incident if linked, and
 * whether management was told of it ({@code escalated}; boxed, so entries written before it read as
 * null = no), so an incident goes to management once, not once per complaint that joins it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = HistoryEntry.class)
@JsonTypeName(HistoryEntry.TYPE)
public record HistoryEntry(ComplaintId complaintId, Instant at, String building, String unit, String residentHash,
        String category, String text, ComplaintId relatedTo, Boolean escalated) {

    public HistoryEntry(ComplaintId complaintId, Instant at, String building, String unit, String residentHash,
            String category, String text, ComplaintId relatedTo) {
        this(complaintId, at, building, unit, residentHash, category, text, relatedTo, null);
    }

    public boolean wasEscalated() {
        return Boolean.TRUE.equals(escalated);
    }

    /** Its JSON type id: names its personal fields (unit, text) for sealing, see PersonalFields. */
    public static final String TYPE = "history-entry";


    /** The incident this complaint belongs to: its master, or itself. */
    public ComplaintId incident() {
        return relatedTo != null ? relatedTo : complaintId;
    }
}
