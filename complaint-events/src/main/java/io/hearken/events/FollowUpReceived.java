package io.hearken.events;

import java.time.Instant;
import java.util.List;

/**
 * More from the resident about an existing complaint (a mail reply, a web comment, a second call), on
 * {@code intake.<channel>}. {@code matchedBy} says how the channel proved it belongs to the complaint:
 * {@code thread-headers}, {@code tracking-id-and-sender}, {@code contact}, {@code agent}.
 */
public record FollowUpReceived(String eventId, ComplaintId complaintId, Instant at, Channel channel,
        String sourceRef, String matchedBy, String text, List<Attachment> attachments) implements ComplaintEvent {

    public static final String TYPE = "follow-up-received";

    public FollowUpReceived {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
