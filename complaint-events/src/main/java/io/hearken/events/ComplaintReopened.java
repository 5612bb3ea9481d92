package io.hearken.events;

import java.time.Instant;

/** Reopened by a supervisor, or by a low satisfaction score. On {@code complaints.updates}. */
public record ComplaintReopened(String eventId, ComplaintId complaintId, Instant at, Actor by, String reason) implements ComplaintEvent {

    public static final String TYPE = "complaint-reopened";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
