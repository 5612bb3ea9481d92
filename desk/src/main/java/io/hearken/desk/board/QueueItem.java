package io.hearken.desk.board;

import io.hearken.events.ComplaintEscalated;
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
        return of(ComplaintSummary.of(c), now);
    }

    public static QueueItem of(ComplaintSummary c, Instant now) {
        Instant due = c.slaPaused() ? null : c.nextDeadline();
        return new QueueItem(c.id().value(), c.status(), c.department(), c.priority(), c.urgency(), c.category(),
                c.needsTriage(), c.subject(), c.building(), c.unit(), c.residentName(), c.receivedAt(), due,
                due == null ? null : c.nextClock(), due == null ? null : Duration.between(now, due).toSeconds(),
                c.slaPaused(), c.slaWarning(), c.slaBreached(), c.escalation(), c.repeat(),
                c.duplicateOf() == null ? null : c.duplicateOf().value(), c.lastActivity(), c.channel(), c.handlerId(),
                c.handlerName(), c.sentiment(), c.customerType());
    }
}
