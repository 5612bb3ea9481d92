package io.hearken.desk.board;

import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.ReturnVisitRecorded;
import io.hearken.events.ResidentType;
import io.hearken.events.Sentiment;
import io.hearken.events.SlaClock;
import io.hearken.events.Urgency;
import java.time.Instant;
import java.util.Locale;

/**
 * What the board keeps in memory of a complaint: what its queue, filters, choices and return-visit list read. The
 * events themselves (texts, attachments, the timeline) are in the board's local store ({@link ComplaintBoard}).
 * {@code searchText} is what a queue search {@code q} looks in: the id, the resident's words, place and contact,
 * lower-cased. {@code ratedAt}, {@code resolvedAt} and {@code visitedAt} are the latest rating, resolution and
 * return visit, what the return-visit rule weighs.
 */
public record ComplaintSummary(ComplaintId id, boolean routed, String department, ComplaintStatus status,
        int priority, String category, Urgency urgency, boolean needsTriage, Sentiment sentiment,
        ResidentType customerType, String subject, String building, String unit, String residentName,
        String residentPhone, String residentEmail, Instant receivedAt, String channel, Instant nextDeadline,
        SlaClock nextClock, boolean slaPaused, boolean slaWarning, boolean slaBreached,
        ComplaintEscalated.Level escalation, boolean repeat, ComplaintId duplicateOf, Instant lastActivity,
        String handlerId, String handlerName, Integer satisfaction, Instant ratedAt, Instant resolvedAt,
        Instant visitedAt, String searchText) {

    static ComplaintSummary of(DeskComplaint c) {
        ComplaintReceived r = c.complaint();
        var classification = c.classification();
        var contact = r == null ? null : r.contact();
        Instant ratedAt = null;
        Instant resolvedAt = null;
        Instant visitedAt = null;
        for (ComplaintEvent e : c.history()) { // in the order they happened
            if (e instanceof FeedbackGiven) {
                ratedAt = e.at();
            } else if (e instanceof ComplaintResolved) {
                resolvedAt = e.at();
            } else if (e instanceof ReturnVisitRecorded) {
                visitedAt = e.at();
            }
        }
        return new ComplaintSummary(c.id(), c.routed(), c.department(), c.status(), c.priority(), c.category(),
                c.urgency(), classification != null && classification.needsTriage(),
                classification == null ? null : classification.sentiment(),
                classification == null ? null : classification.customerType(), r == null ? null : r.subject(),
                c.building(), r == null || r.place() == null ? null : r.place().unit(),
                contact == null ? null : contact.name(), contact == null ? null : contact.phone(),
                contact == null ? null : contact.email(), r == null ? null : r.at(),
                r == null || r.channel() == null ? null : r.channel().code(), c.nextDeadline(), c.nextClock(),
                c.slaPaused(), !c.warned().isEmpty(), !c.breached().isEmpty(), c.escalation(),
                c.routing() != null && c.routing().links() != null && c.routing().links().repeat(), c.duplicateOf(),
                c.lastActivity(), c.handlerId(), c.handler() == null ? null : c.handler().name(), c.satisfaction(),
                ratedAt, resolvedAt, visitedAt, searchText(c));
    }

    public boolean open() {
        return ComplaintStatus.isOpen(status);
    }

    private static String searchText(DeskComplaint c) {
        ComplaintReceived r = c.complaint();
        StringBuilder text = new StringBuilder(c.id().value()).append('\n');
        if (r != null) {
            append(text, r.subject(), r.description());
            if (r.place() != null) {
                append(text, r.place().building(), r.place().unit(), r.place().area(), r.place().address());
            }
            if (r.contact() != null) {
                append(text, r.contact().name(), r.contact().email(), r.contact().phone());
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static void append(StringBuilder text, String... parts) {
        for (String part : parts) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
    }
}
