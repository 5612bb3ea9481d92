package io.hearken.desk.board;

import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Sentiment;
import io.hearken.events.SlaClock;
import io.hearken.events.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@link ComplaintSummary} as the board stores it: its fields that are not the resident's in the clear, and the
 * resident's (subject, description, contact, unit, area, address) as the complaint they sent, {@code resident}, which
 * is sealed like every {@code complaint-received} under the complaint's data key ({@link StoredSummaries}).
 */
record StoredSummary(boolean routed, String department, ComplaintStatus status, int priority, String category,
        Urgency urgency, boolean needsTriage, Sentiment sentiment, ResidentType customerType, String building,
        Instant receivedAt, String channel, Instant nextDeadline, SlaClock nextClock, boolean slaPaused,
        boolean slaWarning, boolean slaBreached, ComplaintEscalated.Level escalation, boolean repeat,
        ComplaintId duplicateOf, Instant lastActivity, String handlerId, String handlerName, Integer satisfaction,
        Instant ratedAt, Instant resolvedAt, Instant visitedAt, ComplaintReceived resident) {

    /** {@code received}: the complaint the summary was made of (null when the board has not seen it). */
    static StoredSummary of(ComplaintSummary s, ComplaintId id, ComplaintReceived received) {
        ComplaintReceived resident = null;
        if (received != null) {
            Place p = received.place();
            resident = new ComplaintReceived(null, id, null, null, null, null, received.contact(), null,
                    p == null ? null : new Place(null, p.unit(), p.area(), p.address(), null, null), received.subject(),
                    received.description(), null, null, List.of(), Map.of(), null);
        }
        return new StoredSummary(s.routed(), s.department(), s.status(), s.priority(), s.category(), s.urgency(),
                s.needsTriage(), s.sentiment(), s.customerType(), s.building(), s.receivedAt(), s.channel(),
                s.nextDeadline(), s.nextClock(), s.slaPaused(), s.slaWarning(), s.slaBreached(), s.escalation(),
                s.repeat(), s.duplicateOf(), s.lastActivity(), s.handlerId(), s.handlerName(), s.satisfaction(),
                s.ratedAt(), s.resolvedAt(), s.visitedAt(), resident);
    }

    /** The summary again; the resident's part absent where their key was destroyed. */
    ComplaintSummary summary(ComplaintId id) {
        Contact contact = resident == null ? null : resident.contact();
        Place place = resident == null ? null : resident.place();
        Texts texts = Texts.of(resident == null ? null : resident.subject(), contact == null ? null : contact.name(),
                contact == null ? null : contact.phone(), contact == null ? null : contact.email(),
                resident == null ? null : resident.description(), place == null ? null : place.area(),
                place == null ? null : place.address());
        int[] ends = texts.ends();
        return new ComplaintSummary(id, routed, department, status, priority, category, urgency, needsTriage,
                sentiment, customerType, building, place == null ? null : place.unit(), receivedAt, channel,
                nextDeadline, nextClock, slaPaused, slaWarning, slaBreached, escalation, repeat, duplicateOf,
                lastActivity, handlerId, handlerName, satisfaction, ratedAt, resolvedAt, visitedAt, texts.text(),
                ends[0], ends[1], ends[2], ends[3], texts.placeAt(), texts.absent());
    }
}
