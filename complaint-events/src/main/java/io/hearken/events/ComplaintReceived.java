package io.hearken.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A new complaint from a channel, on {@code intake.<channel>}. {@code sourceRef} identifies the input
 * (Message-ID, idempotency key, call id) so that the same input never makes a second complaint.
 * {@code via} says how it came in within the channel ({@code form}, {@code api}, {@code open311},
 * {@code imap}, {@code folder}, {@code cti}); {@code details} holds channel-specific extras.
 */
public record ComplaintReceived(String eventId, ComplaintId complaintId, Instant at, Channel channel, String via,
        String sourceRef, Contact contact, ResidentType residentType, Place place, String subject,
        String description, String categoryHint, String language, List<Attachment> attachments,
        Map<String, String> details) implements ComplaintEvent {

    public static final String TYPE = "complaint-received";

    public ComplaintReceived {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
