package io.hearken.desk.board;

import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.ResidentType;
import io.hearken.events.Sentiment;
import io.hearken.events.SlaClock;
import io.hearken.events.Urgency;
import java.time.Duration;
import java.time.Instant;

/**
 * A row of the queue. {@code due} is the deadline that matters now ({@code dueClock}); {@code secondsLeft} is
 * negative once it has passed; both are null where the SLA sets none or the clock is paused. {@code sentiment} and
 * {@code customerType} are the router's reading (null for complaints routed before it).
 */
public record QueueItem(String id, ComplaintStatus status, String department, int priority, Urgency urgency,
        String category, boolean needsTriage, String subject, String building, String unit, String residentName,
        Instant receivedAt, Instant due, SlaClock dueClock, Long secondsLeft, boolean slaPaused, boolean slaWarning,
        boolean slaBreached, ComplaintEscalated.Level escalation, boolean repeat, String duplicateOf,
        Instant lastActivity, String channel, String handler, String handlerName, Sentiment sentiment,
        ResidentType customerType) {

    public static QueueItem of(DeskComplaint c, Instant now) {
        ComplaintReceived r = c.complaint();
        var classification = c.classification();
        Instant due = c.slaPaused() ? null : c.nextDeadline();
        return new QueueItem(c.id().value(), c.status(), c.department(), c.priority(),
                classification == null ? null : classification.urgency(), c.category(),
                classification != null && classification.needsTriage(), r == null ? null : r.subject(),
                c.building(), r == null || r.place() == null ? null : r.place().unit(),
                r == null || r.contact() == null ? null : r.contact().name(), r == null ? null : r.at(), due,
                due == null ? null : c.nextClock(), due == null ? null : Duration.between(now, due).toSeconds(),
                c.slaPaused(), !c.warned().isEmpty(), !c.breached().isEmpty(), c.escalation(),
                c.routing().links() != null && c.routing().links().repeat(),
                c.duplicateOf() == null ? null : c.duplicateOf().value(), c.lastActivity(),
                r == null || r.channel() == null ? null : r.channel().code(), c.handlerId(),
                c.handler() == null ? null : c.handler().name(),
                classification == null ? null : classification.sentiment(),
                classification == null ? null : classification.customerType());
    }
}
