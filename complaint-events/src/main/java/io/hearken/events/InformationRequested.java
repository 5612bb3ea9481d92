package io.hearken.events;

import java.time.Instant;
import java.util.List;

/**
 * The department needs something from the resident: the SLA clock pauses until they answer. On {@code complaints.updates}.
 * {@code attachments} (added for issue #18, may be absent): files staff attached for the resident (personal data).
 */
public record InformationRequested(String eventId, ComplaintId complaintId, Instant at, Actor by, String question,
        List<Attachment> attachments) implements ComplaintEvent {

    public static final String TYPE = "information-requested";

    public InformationRequested(String eventId, ComplaintId complaintId, Instant at, Actor by, String question) {
        this(eventId, complaintId, at, by, question, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
