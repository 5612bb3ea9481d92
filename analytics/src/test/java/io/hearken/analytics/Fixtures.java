package io.hearken.analytics;

import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.Place;
import io.hearken.events.ProgressNoted;
import io.hearken.events.ResidentType;
import io.hearken.events.Sentiment;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events as the other modules publish them, for tests. */
public final class Fixtures {

    public static final String NAME = "张伟";
    public static final String EMAIL = "zhang.wei.private@example.com";
    public static final String PHONE = "13812345678";

    private Fixtures() {
    }

    public static ComplaintId newId() {
        return TrackingIds.next();
    }

    public static ComplaintReceived received(ComplaintId id, Instant at, String building, String description) {
        return new ComplaintReceived(Events.newId(), id, at, Channel.WEB, "form", "ref-" + id,
                new Contact(NAME, EMAIL, PHONE), ResidentType.TENANT, Place.of(building, "1203"), "投诉",
                description, null, "zh-CN", List.of(), Map.of());
    }

    public static ComplaintRouted routed(ComplaintReceived r, Instant at, String category, String department) {
        return new ComplaintRouted(Events.newId(), r.complaintId(), at, r,
                new ComplaintRouted.Classification(category, Urgency.NORMAL, 0.9, false, List.of(), List.of()),
                new ComplaintRouted.Assignment(department, 3, List.of(), at.plus(Duration.ofHours(4)),
                        at.plus(Duration.ofDays(2)), null, null),
                ComplaintRouted.Links.none());
    }

    /** A routing as the router makes it since it reads sentiment and customer type. */
    public static ComplaintRouted routed(ComplaintReceived r, Instant at, String category, String department,
            Sentiment sentiment, ResidentType customerType) {
        ComplaintRouted plain = routed(r, at, category, department);
        var c = plain.classification();
        return new ComplaintRouted(plain.eventId(), plain.complaintId(), at, r,
                new ComplaintRouted.Classification(c.category(), c.urgency(), c.confidence(), c.needsTriage(), c.reasons(),
                        c.suggestions(), sentiment, customerType), plain.assignment(), plain.links());
    }

    public static ComplaintAcknowledged acknowledged(ComplaintId id, Instant at, String department) {
        return new ComplaintAcknowledged(Events.newId(), id, at, staff(department));
    }

    public static ComplaintResolved resolved(ComplaintId id, Instant at, String department, String text) {
        return new ComplaintResolved(Events.newId(), id, at, staff(department), text);
    }

    public static ProgressNoted note(ComplaintId id, Instant at, String department, String text, boolean visible) {
        return new ProgressNoted(Events.newId(), id, at, staff(department), text, visible);
    }

    public static FeedbackGiven feedback(ComplaintId id, Instant at, int score) {
        return new FeedbackGiven(Events.newId(), id, at, Channel.WEB, score, "谢谢");
    }

    public static ComplaintEscalated escalated(ComplaintId id, Instant at, String department) {
        return new ComplaintEscalated(Events.newId(), id, at, Actor.system("sla-clock"),
                ComplaintEscalated.Level.SUPERVISOR, department, "resolution overdue");
    }

    public static Actor staff(String department) {
        return new Actor("staff-1", "李师傅", department, Actor.Role.STAFF);
    }
}
