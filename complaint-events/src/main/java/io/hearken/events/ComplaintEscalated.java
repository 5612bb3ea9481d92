package io.hearken.events;

import java.time.Instant;

/** Raised to a department's supervisor or to management, on {@code complaints.updates}. */
public record ComplaintEscalated(String eventId, ComplaintId complaintId, Instant at, Actor by, Level level,
        String department, String reason) implements ComplaintEvent {

    public static final String TYPE = "complaint-escalated";

    public enum Level { SUPERVISOR, MANAGEMENT }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
