package io.hearken.events;

import java.time.Instant;

/** A deadline is near. Emitted by the router's SLA clock on {@code complaints.updates}. */
public record SlaWarning(String eventId, ComplaintId complaintId, Instant at, SlaClock clock, Instant due,
        String department) implements ComplaintEvent {

    public static final String TYPE = "sla-warning";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
