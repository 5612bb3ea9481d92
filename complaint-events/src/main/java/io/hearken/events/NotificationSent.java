package io.hearken.events;

import java.time.Instant;

/**
 * A mail went out, on {@code notifications}. {@code kind} is the template (acknowledgement, progress,
 * resolution, ...); {@code recipient} is masked; {@code causeEventId} is the event it answered. {@code detail}
 * (added for issue #18, may be absent): what the mail left out, e.g. an attached file that was gone.
 */
public record NotificationSent(String eventId, ComplaintId complaintId, Instant at, String kind, String medium,
        String recipient, String messageId, String causeEventId, String detail) implements ComplaintEvent {

    public static final String TYPE = "notification-sent";

    public NotificationSent(String eventId, ComplaintId complaintId, Instant at, String kind, String medium,
            String recipient, String messageId, String causeEventId) {
        this(eventId, complaintId, at, kind, medium, recipient, messageId, causeEventId, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
