package io.hearken.events;

import java.time.Instant;

/**
 * A person of the complaint's department is named to handle it (by a supervisor, or the worker taking it on), on
 * {@code complaints.updates}. {@code handler} is that person (id, name, department, role): staff data, never shown
 * to the resident beyond the role.
 */
public record HandlerAssigned(String eventId, ComplaintId complaintId, Instant at, Actor by, Actor handler)
        implements ComplaintEvent {

    public static final String TYPE = "handler-assigned";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
