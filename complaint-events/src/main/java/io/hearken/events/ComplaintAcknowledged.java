package io.hearken.events;

import java.time.Instant;

/** A department took the complaint on: the first response. On {@code complaints.updates}. */
public record ComplaintAcknowledged(String eventId, ComplaintId complaintId, Instant at, Actor by) implements ComplaintEvent {

    public static final String TYPE = "complaint-acknowledged";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
