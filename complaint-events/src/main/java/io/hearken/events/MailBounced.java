package io.hearken.events;

import java.time.Instant;

/**
 * A mail we sent came back, seen by the email channel, on {@code notifications}. A permanent bounce
 * stops the notifier mailing that address. {@code complaintId} is null when the bounce names none;
 * the Kafka key is then the address hash. {@code address} is in clear for the notifier alone.
 */
public record MailBounced(String eventId, ComplaintId complaintId, Instant at, String address, String addressHash,
        boolean permanent, String status, String reason) implements ComplaintEvent {

    public static final String TYPE = "mail-bounced";

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
