package io.hearken.events;

import java.time.Instant;

/** A department hands the complaint on; the router re-routes it with the reason kept. On {@code complaints.updates}. */
public record ComplaintReassigned(String eventId, ComplaintId complaintId, Instant at, Actor by, String fromDepartment, String toDepartment, String reason) implements ComplaintEvent {

    public static final String TYPE = "complaint-reassigned";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
