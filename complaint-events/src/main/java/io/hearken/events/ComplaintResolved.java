package io.hearken.events;

import java.time.Instant;
import java.util.List;

/**
 * Resolved; the notifier asks the resident for a satisfaction score. On {@code complaints.updates}.
 * {@code attachments} (added for issue #18, may be absent): files staff attached for the resident (personal data).
 */
public record ComplaintResolved(String eventId, ComplaintId complaintId, Instant at, Actor by, String resolution,
        List<Attachment> attachments) implements ComplaintEvent {

    public static final String TYPE = "complaint-resolved";

    public ComplaintResolved(String eventId, ComplaintId complaintId, Instant at, Actor by, String resolution) {
        this(eventId, complaintId, at, by, resolution, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
