package io.hearken.router.history;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.hearken.events.ComplaintId;
import java.time.Instant;

/**
 * What the router remembers of a routed complaint for duplicate and repeat detection: where, who
 * (the keyed hash of the contact, never the contact), what, when, and its master incident if linked.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = HistoryEntry.class)
@JsonTypeName(HistoryEntry.TYPE)
public record HistoryEntry(ComplaintId complaintId, Instant at, String building, String unit, String residentHash,
        String category, String text, ComplaintId relatedTo) {

    /** Its JSON type id: names its personal fields (unit, text) for sealing, see PersonalFields. */
    public static final String TYPE = "history-entry";


    /** The incident this complaint belongs to: its master, or itself. */
    public ComplaintId incident() {
        return relatedTo != null ? relatedTo : complaintId;
    }
}
