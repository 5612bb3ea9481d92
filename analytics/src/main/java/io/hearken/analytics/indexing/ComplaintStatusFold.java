package io.hearken.analytics.indexing;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import java.time.Instant;

/**
 * The status part of {@link ComplaintProjection}: the contract's state machine ({@link ComplaintStatus#after}), where
 * an event older than the status it would move is late and changes nothing, and a reply or rating that arrived
 * ahead of the question or resolution it answers acts once that arrives.
 */
final class ComplaintStatusFold {

    private ComplaintStatusFold() {
    }

    static void apply(ComplaintDocument doc, ComplaintEvent event) {
        if (doc.statusAt != null && event.at().isBefore(doc.statusAt)) {
            return; // a late event: it happened before the current status was reached
        }
        ComplaintStatus current = doc.status == null ? null : ComplaintStatus.valueOf(doc.status);
        ComplaintStatus next = ComplaintStatus.after(current, event);
        if (next == current) {
            return;
        }
        setStatus(doc, next, event.at());
        // The resident's feedback or reply can arrive ahead of the resolution or the question it answers
        // (another topic ran ahead): seen earlier, it acts now, through the same state machine.
        ComplaintEvent ahead = null;
        if (next == ComplaintStatus.RESOLVED && doc.feedbackAt != null && !doc.feedbackAt.isBefore(event.at())
                && doc.satisfaction != null) {
            ahead = new FeedbackGiven(event.eventId() + "/feedback", event.complaintId(), doc.feedbackAt, null,
                    doc.satisfaction, null);
        } else if (next == ComplaintStatus.WAITING_ON_RESIDENT && doc.lastFollowUpAt != null
                && !doc.lastFollowUpAt.isBefore(event.at())) {
            ahead = new FollowUpReceived(event.eventId() + "/follow-up", event.complaintId(), doc.lastFollowUpAt,
                    null, null, null, null, null);
        }
        if (ahead != null) {
            ComplaintStatus after = ComplaintStatus.after(next, ahead);
            if (after != next) {
                setStatus(doc, after, ahead.at());
            }
        }
    }

    private static void setStatus(ComplaintDocument doc, ComplaintStatus status, Instant at) {
        doc.status = status.name();
        doc.statusAt = at;
        if (status == ComplaintStatus.CLOSED) {
            doc.closedAt = at;
        }
    }
}
