package io.hearken.events;

import java.time.Instant;

/** A progress note; only {@code visibleToResident} notes are mailed and shown to the resident. On {@code complaints.updates}. */
public record ProgressNoted(String eventId, ComplaintId complaintId, Instant at, Actor by, String note, boolean visibleToResident) implements ComplaintEvent {

    public static final String TYPE = "progress-noted";
}
