package io.hearken.events;

import java.time.Instant;

/** Resolved; the notifier asks the resident for a satisfaction score. On {@code complaints.updates}. */
public record ComplaintResolved(String eventId, ComplaintId complaintId, Instant at, Actor by, String resolution) implements ComplaintEvent {

    public static final String TYPE = "complaint-resolved";
}
