package io.hearken.events;

import java.time.Instant;
import java.util.List;

/**
 * A progress note; only {@code visibleToResident} notes are mailed and shown to the resident. On {@code complaints.updates}.
 * {@code attachments} (added for issue #18, may be absent): files staff attached for the resident (personal data).
 */
public record ProgressNoted(String eventId, ComplaintId complaintId, Instant at, Actor by, String note, boolean visibleToResident,
        List<Attachment> attachments) implements ComplaintEvent {

    public static final String TYPE = "progress-noted";

    public ProgressNoted(String eventId, ComplaintId complaintId, Instant at, Actor by, String note, boolean visibleToResident) {
        this(eventId, complaintId, at, by, note, visibleToResident, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
