package io.hearken.events;

import java.time.Instant;

/** Linked (or merged) to a master complaint, by a person or by the router; never dropped. On {@code complaints.updates}. */
public record DuplicateLinked(String eventId, ComplaintId complaintId, Instant at, Actor by, ComplaintId master, boolean merged) implements ComplaintEvent {

    public static final String TYPE = "duplicate-linked";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
