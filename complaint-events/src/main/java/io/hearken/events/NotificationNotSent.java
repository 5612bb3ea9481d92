package io.hearken.events;

import java.time.Instant;

/**
 * No mail went out, on {@code notifications}, with the reason: {@code no-email} (phone only),
 * {@code bounced}, {@code rate-limited}, {@code gave-up} (after retries).
 */
public record NotificationNotSent(String eventId, ComplaintId complaintId, Instant at, String kind,
        String reason, String detail, String causeEventId) implements ComplaintEvent {

    public static final String TYPE = "notification-not-sent";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
