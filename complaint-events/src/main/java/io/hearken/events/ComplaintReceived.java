package io.hearken.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A new complaint from a channel, on {@code intake.<channel>}. {@code sourceRef} identifies the input
 * (Message-ID, idempotency key, call id) so that the same input never makes a second complaint.
 * {@code via} says how it came in within the channel ({@code form}, {@code api}, {@code open311},
 * {@code imap}, {@code folder}, {@code cti}, {@code desk}); {@code details} holds channel-specific extras.
 * {@code by} is the staff member who entered it at the desk (null for a resident's own complaint): never the
 * resident, who is {@code contact}.
 */
public record ComplaintReceived(String eventId, ComplaintId complaintId, Instant at, Channel channel, String via,
        String sourceRef, Contact contact, ResidentType residentType, Place place, String subject,
        String description, String categoryHint, String language, List<Attachment> attachments,
        Map<String, String> details, Actor by) implements ComplaintEvent {

    public static final String TYPE = "complaint-received";

    public ComplaintReceived {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A resident's own complaint (no staff member entered it). */
    public ComplaintReceived(String eventId, ComplaintId complaintId, Instant at, Channel channel, String via,
            String sourceRef, Contact contact, ResidentType residentType, Place place, String subject,
            String description, String categoryHint, String language, List<Attachment> attachments,
            Map<String, String> details) {
        this(eventId, complaintId, at, channel, via, sourceRef, contact, residentType, place, subject, description,
                categoryHint, language, attachments, details, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
