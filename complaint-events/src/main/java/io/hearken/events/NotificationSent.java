package io.hearken.events;

import java.time.Instant;

/**
 * A mail went out, on {@code notifications}. {@code kind} is the template (acknowledgement, progress,
 * resolution, ...); {@code recipient} is masked; {@code causeEventId} is the event it answered.
 */
public record NotificationSent(String eventId, ComplaintId complaintId, Instant at, String kind, String medium,
        String recipient, String messageId, String causeEventId) implements ComplaintEvent {

    public static final String TYPE = "notification-sent";
}
