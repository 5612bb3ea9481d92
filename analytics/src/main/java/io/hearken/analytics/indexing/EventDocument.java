package io.hearken.analytics.indexing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hearken.events.Actor;
import io.hearken.events.ClassificationCorrected;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.EventTypes;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.HandlerAssigned;
import io.hearken.events.ReturnVisitRecorded;
import io.hearken.events.InformationRequested;
import io.hearken.events.MailBounced;
import io.hearken.events.NotificationNotSent;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaWarning;
import io.hearken.events.privacy.FreeTextMasking;
import java.time.Instant;

/**
 * The {@code complaint-events} document: one per event, id = event id, never updated. Only the fields
 * analytics and the public timeline need: no contact data (a bounced address, a recipient) at all, and
 * {@code text} only where the resident may read it ({@code public}; "public" is a Java keyword, hence
 * {@code publicEntry}); internal notes keep no text here. Texts and reasons are masked
 * ({@link FreeTextMasking}): a resident's words may hold a phone number, an e-mail address, an ID card or a plate.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventDocument(String eventId, String type, Instant at, Instant indexedAt, String complaintId,
        String topic, String status, String department, String category, String channel, String building,
        @JsonProperty("public") Boolean publicEntry, String text, String actorRole, String actorDepartment, String level, String clock,
        Instant due, Integer score, String kind, String medium, String reason, Boolean permanent,
        String fromDepartment, String toDepartment, String master) {

    /** {@code state}: the complaint after this event (may be null when the event names no complaint). */
    static EventDocument of(ComplaintEvent event, String topic, ComplaintDocument state, Instant now) {
        var b = new Builder(event, topic, state, now);
        if (event instanceof ComplaintReceived r) {
            b.pub(firstNonBlank(r.subject(), r.description())).channel = name(r.channel());
            if (r.by() != null) {
                b.actor(r.by()); // entered by staff at the desk
            }
        } else if (event instanceof FollowUpReceived f) {
            b.pub(f.text()).channel = name(f.channel());
        } else if (event instanceof FeedbackGiven f) {
            b.pub(f.comment()).score = f.score();
            b.channel = name(f.channel());
        } else if (event instanceof ComplaintRouted r) {
            b.pub(null);
            if (r.assignment() != null) {
                b.department = r.assignment().department();
                b.fromDepartment = r.assignment().previousDepartment();
                b.reason = r.assignment().reason();
            }
        } else if (event instanceof ComplaintAcknowledged a) {
            b.pub(null).actor(a.by());
        } else if (event instanceof ProgressNoted p) {
            b.actor(p.by());
            if (p.visibleToResident()) {
                b.pub(p.note());
            }
        } else if (event instanceof InformationRequested i) {
            b.pub(i.question()).actor(i.by());
        } else if (event instanceof ComplaintResolved r) {
            b.pub(r.resolution()).actor(r.by());
        } else if (event instanceof ComplaintReassigned r) {
            b.pub(null).actor(r.by());
            b.fromDepartment = r.fromDepartment();
            b.toDepartment = r.toDepartment();
            b.department = r.toDepartment() != null ? r.toDepartment() : b.department;
        } else if (event instanceof ComplaintReopened r) {
            b.pub(null).actor(r.by());
        } else if (event instanceof DuplicateLinked d) {
            b.actor(d.by());
            b.master = d.master() == null ? null : d.master().value();
        } else if (event instanceof ComplaintEscalated e) {
            b.actor(e.by());
            b.level = name(e.level());
            b.reason = e.reason();
            b.department = e.department() != null ? e.department() : b.department;
        } else if (event instanceof SlaWarning w) {
            b.clock = name(w.clock());
            b.due = w.due();
        } else if (event instanceof SlaBreached s) {
            b.clock = name(s.clock());
            b.due = s.due();
        } else if (event instanceof NotificationSent n) {
            b.kind = n.kind();
            b.medium = n.medium();
        } else if (event instanceof NotificationNotSent n) {
            b.kind = n.kind();
            b.reason = n.reason();
        } else if (event instanceof MailBounced m) {
            b.permanent = m.permanent();
            b.reason = m.status();
        } else if (event instanceof HandlerAssigned h) {
            b.actor(h.by());
        } else if (event instanceof ReturnVisitRecorded v) {
            // The outcome, never the notes (the staff's words about the resident, sealed on Kafka).
            b.actor(v.by()).kind = (v.reached() ? "reached" : "not-reached")
                    + (v.satisfied() == null ? "" : v.satisfied() ? "/satisfied" : "/not-satisfied")
                    + (v.reopened() ? "/reopened" : "");
        } else if (event instanceof ClassificationCorrected c) {
            // The values, never the free-text reason (sealed on Kafka, it may name the resident).
            b.actor(c.by()).reason = c.fromCategory() + "/" + name(c.fromUrgency()) + " → " + c.toCategory() + "/"
                    + name(c.toUrgency());
        } else if (event instanceof ComplaintAnonymised a) {
            b.actor(a.by()).kind = a.reason(); // request or retention
        }
        return b.build();
    }

    /** This document without the texts: the complaint was anonymised. */
    EventDocument withoutTexts() {
        return new EventDocument(eventId, type, at, indexedAt, complaintId, topic, status, department, category,
                channel, building, publicEntry, null, actorRole, actorDepartment, level, clock, due, score, kind, medium,
                null, permanent, fromDepartment, toDepartment, master);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static final class Builder {
        final ComplaintEvent event;
        final String topic;
        final Instant now;
        final boolean anonymised;
        String status;
        String department;
        String category;
        String channel;
        String building;
        boolean isPublic;
        String text;
        String actorRole;
        String actorDepartment;
        String level;
        String clock;
        Instant due;
        Integer score;
        String kind;
        String medium;
        String reason;
        Boolean permanent;
        String fromDepartment;
        String toDepartment;
        String master;

        Builder(ComplaintEvent event, String topic, ComplaintDocument state, Instant now) {
            this.event = event;
            this.topic = topic;
            this.now = now;
            this.anonymised = state != null && Boolean.TRUE.equals(state.anonymised);
            if (state != null) {
                status = state.status;
                department = state.department;
                category = state.category;
                channel = state.channel;
                building = state.building;
            }
        }

        Builder pub(String publicText) {
            isPublic = true;
            text = publicText;
            return this;
        }

        Builder actor(Actor by) {
            if (by != null) {
                actorRole = by.role() == null ? null : by.role().name();
                actorDepartment = by.department();
            }
            return this;
        }

        EventDocument build() {
            if (anonymised) {
                text = null; // an event read before the key went, indexed after the erasure
                reason = null;
            }
            return new EventDocument(event.eventId(), EventTypes.of(event), event.at(), now,
                    event.complaintId() == null ? null : event.complaintId().value(), topic, status, department,
                    category, channel, building, isPublic, FreeTextMasking.mask(text), actorRole, actorDepartment, level,
                    clock, due, score, kind, medium, FreeTextMasking.mask(reason), permanent, fromDepartment, toDepartment, master);
        }
    }
}
