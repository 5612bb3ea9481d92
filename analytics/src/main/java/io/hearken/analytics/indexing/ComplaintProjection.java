package io.hearken.analytics.indexing;

import io.hearken.events.ClassificationCorrected;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.InformationRequested;
import io.hearken.events.MailBounced;
import io.hearken.events.NotificationNotSent;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.Actor;
import io.hearken.events.HandlerAssigned;
import io.hearken.events.ReturnVisitRecorded;
import io.hearken.events.ReturnVisitRule;
import io.hearken.events.Urgency;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import io.hearken.events.privacy.FreeTextMasking;
import io.hearken.events.privacy.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Folds events into a complaint's current state. Plain Java, no Elasticsearch: the embedded node has no
 * scripts, so the state is computed here and written whole. Safe in any order and any number of times:
 * an event already applied is skipped (its id is kept), and an event older than the last status change
 * never moves the status (so a late {@code ComplaintRouted} cannot reopen a resolved complaint); times
 * use min/max so arrival order does not matter.
 */
final class ComplaintProjection {

    static final String MET = "MET";
    static final String BREACHED = "BREACHED";
    static final String PENDING = "PENDING";

    private final PersonalData personalData;
    private final ReturnVisitRule visits;

    ComplaintProjection(PersonalData personalData) {
        this(personalData, ReturnVisitRule.DEFAULT);
    }

    ComplaintProjection(PersonalData personalData, ReturnVisitRule visits) {
        this.personalData = personalData;
        this.visits = visits;
    }

    /** Applies the event; {@code false} when it was applied before (nothing changed). */
    boolean apply(ComplaintDocument doc, ComplaintEvent event) {
        if (doc.appliedEvents.contains(event.eventId())) {
            return false;
        }
        doc.appliedEvents.add(event.eventId());
        doc.eventCount++;
        doc.updatedAt = max(doc.updatedAt, event.at());
        applyStatus(doc, event);
        if (event instanceof ComplaintReceived r) {
            received(doc, r);
        } else if (event instanceof ComplaintRouted r) {
            routed(doc, r);
        } else if (event instanceof ComplaintAcknowledged a) {
            doc.firstResponseAt = min(doc.firstResponseAt, a.at());
        } else if (event instanceof InformationRequested i) {
            doc.firstResponseAt = min(doc.firstResponseAt, i.at());
        } else if (event instanceof ProgressNoted p) {
            if (p.visibleToResident()) {
                doc.firstResponseAt = min(doc.firstResponseAt, p.at());
            }
        } else if (event instanceof ComplaintResolved r) {
            doc.resolvedAt = max(doc.resolvedAt, r.at());
            doc.firstResponseAt = min(doc.firstResponseAt, r.at());
        } else if (event instanceof ComplaintReopened r) {
            doc.reopens++;
        } else if (event instanceof FeedbackGiven f) {
            if (doc.feedbackAt == null || !f.at().isBefore(doc.feedbackAt)) {
                doc.satisfaction = f.score();
                doc.feedbackAt = f.at();
            }
        } else if (event instanceof FollowUpReceived f) {
            doc.followUps++;
            doc.lastFollowUpAt = max(doc.lastFollowUpAt, f.at());
        } else if (event instanceof ComplaintReassigned r) {
            doc.reassignments++;
            if (doc.handlerAt == null || !r.at().isBefore(doc.handlerAt)) {
                handler(doc, null, r.at()); // the new department names its own
            }
        } else if (event instanceof HandlerAssigned h) {
            if (doc.handlerAt == null || !h.at().isBefore(doc.handlerAt)) {
                handler(doc, h.handler(), h.at());
            }
        } else if (event instanceof ReturnVisitRecorded v) {
            doc.returnVisits++;
            if (doc.returnVisitAt == null || !v.at().isBefore(doc.returnVisitAt)) {
                doc.returnVisitAt = v.at();
                doc.returnVisitReached = v.reached();
                doc.returnVisitSatisfied = v.satisfied();
            }
        } else if (event instanceof DuplicateLinked d) {
            doc.duplicateOf = d.master() == null ? doc.duplicateOf : d.master().value();
            doc.merged = d.merged() || Boolean.TRUE.equals(doc.merged);
        } else if (event instanceof ComplaintEscalated e) {
            doc.escalations++;
            doc.escalated = true;
            if (e.level() != null && (doc.escalationLevel == null
                    || e.level() == ComplaintEscalated.Level.MANAGEMENT)) {
                doc.escalationLevel = e.level().name();
            }
        } else if (event instanceof SlaWarning w) {
            doc.slaWarnings++;
        } else if (event instanceof SlaBreached b) {
            if (b.clock() == SlaClock.FIRST_RESPONSE) {
                doc.slaFirstResponse = BREACHED;
            } else {
                doc.slaResolution = BREACHED;
            }
        } else if (event instanceof NotificationSent n) {
            doc.notificationsSent++;
        } else if (event instanceof NotificationNotSent n) {
            doc.notificationsNotSent++;
        } else if (event instanceof MailBounced m) {
            doc.mailBounces++;
        } else if (event instanceof ComplaintAnonymised) {
            doc.anonymised = true;
        } else if (event instanceof ClassificationCorrected c) {
            corrected(doc, c);
        }
        if (Boolean.TRUE.equals(doc.anonymised)) {
            doc.forgetResident(); // also after any later event: one read before the key went must not bring it back
        }
        derive(doc);
        returnVisit(doc);
        return true;
    }

    private static void handler(ComplaintDocument doc, Actor handler, Instant at) {
        doc.handler = handler == null ? null : handler.id();
        doc.handlerName = handler == null ? null : handler.name();
        doc.handlerAt = at;
    }

    /** The visit owed by the office's rule, from the state (the desk applies the same rule to its board). */
    private void returnVisit(ComplaintDocument doc) {
        ReturnVisitRule.Due due = visits.due(doc.satisfaction, doc.feedbackAt, doc.resolvedAt,
                Boolean.TRUE.equals(doc.open), doc.urgency == null ? null : Urgency.valueOf(doc.urgency),
                doc.category, doc.returnVisitAt);
        doc.returnVisitReason = due == null ? null : due.reason().name();
        doc.returnVisitSince = due == null ? null : due.since();
        doc.returnVisitDue = due == null ? null : due.due();
        doc.returnVisitPending = due == null ? null : due.pending();
    }

    private static void applyStatus(ComplaintDocument doc, ComplaintEvent event) {
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

    private void received(ComplaintDocument doc, ComplaintReceived r) {
        doc.receivedAt = min(doc.receivedAt, r.at());
        doc.channel = r.channel() == null ? doc.channel : r.channel().name();
        doc.via = r.via();
        doc.residentType = r.residentType() == null ? doc.residentType : r.residentType().name();
        // What a resident writes may hold a phone number, an ID-card number, a plate or their name: masked here,
        // so it never reaches the index in clear.
        String name = r.contact() == null ? null : r.contact().name();
        doc.subject = ResidentWords.mask(r.subject(), name);
        doc.description = ResidentWords.mask(r.description(), name);
        doc.language = r.language();
        doc.categoryHint = r.categoryHint();
        if (r.place() != null) {
            doc.building = FreeTextMasking.mask(r.place().building());
            doc.unit = FreeTextMasking.mask(r.place().unit());
            doc.area = FreeTextMasking.mask(r.place().area());
            if (r.place().latitude() != null && r.place().longitude() != null) {
                doc.location = Map.of("lat", r.place().latitude(), "lon", r.place().longitude());
            }
        }
        if (r.contact() != null) {
            // Only the keyed hash, for linking a resident's complaints: no name, no partial address or number
            // beside it (a mask with 7 of 11 digits next to the hash lets the pepper's holder find the number
            // in 10^4 tries), and nothing reads one from the index.
            var c = r.contact();
            doc.contactHash = personalData.hash(c.hasEmail() ? c.email() : c.phone());
        }
    }

    /** A supervisor's correction counts at once (the router's routing with the same values follows). */
    private static void corrected(ComplaintDocument doc, ClassificationCorrected c) {
        if (doc.routedAt != null && c.at().isBefore(doc.routedAt)) {
            return; // a later routing already carries the classification as it stands
        }
        doc.category = c.toCategory() == null ? doc.category : c.toCategory();
        doc.urgency = c.toUrgency() == null ? doc.urgency : c.toUrgency().name();
        doc.needsTriage = false;
        doc.confidence = 1.0;
        doc.classificationCorrectedAt = max(doc.classificationCorrectedAt, c.at());
    }

    private void routed(ComplaintDocument doc, ComplaintRouted r) {
        if (r.complaint() != null) {
            received(doc, r.complaint());
        }
        // Only the latest routing decides where the complaint is; a redelivered older one does not.
        if (doc.routedAt != null && r.at().isBefore(doc.routedAt)) {
            return;
        }
        doc.routedAt = r.at();
        boolean corrected = doc.classificationCorrectedAt != null && r.at().isBefore(doc.classificationCorrectedAt);
        if (r.classification() != null && !corrected) {
            doc.category = r.classification().category();
            doc.urgency = r.classification().urgency() == null ? null : r.classification().urgency().name();
            doc.needsTriage = r.classification().needsTriage();
            doc.confidence = r.classification().confidence();
            var c = r.classification();
            doc.sentiment = c.sentiment() == null ? doc.sentiment : c.sentiment().name();
            doc.customerType = c.customerType() == null ? doc.customerType : c.customerType().name();
        }
        if (r.assignment() != null) {
            var a = r.assignment();
            doc.department = a.department();
            doc.priority = a.priority();
            doc.firstResponseDue = a.firstResponseDue();
            doc.resolutionDue = a.resolutionDue();
        }
        if (r.links() != null) {
            doc.repeat = r.links().repeat() || Boolean.TRUE.equals(doc.repeat);
            doc.relatedTo = r.links().relatedTo() == null ? doc.relatedTo : r.links().relatedTo().value();
            if (r.links().repeatOf() != null) {
                r.links().repeatOf().stream().filter(Objects::nonNull).map(Object::toString)
                        .filter(id -> !doc.repeatOf.contains(id)).forEach(doc.repeatOf::add);
            }
        }
    }

    /** Durations, SLA outcome and open flag: recomputed from the state after every event. */
    private static void derive(ComplaintDocument doc) {
        if (doc.category == null && doc.categoryHint != null) {
            doc.category = doc.categoryHint; // until the router has classified it
        }
        if (doc.customerType == null && doc.residentType != null) {
            doc.customerType = doc.residentType; // what the channel said, until (or for routings before) the router's reading
        }
        doc.open = doc.status == null || ComplaintStatus.isOpen(ComplaintStatus.valueOf(doc.status));
        doc.firstResponseMinutes = minutes(doc.receivedAt, doc.firstResponseAt);
        doc.resolutionMinutes = doc.open ? null : minutes(doc.receivedAt, doc.resolvedAt);
        if (!BREACHED.equals(doc.slaFirstResponse)) {
            doc.slaFirstResponse = outcome(doc.firstResponseAt, doc.firstResponseDue);
        }
        if (!BREACHED.equals(doc.slaResolution)) {
            doc.slaResolution = outcome(doc.open ? null : doc.resolvedAt, doc.resolutionDue);
        }
        boolean breached = BREACHED.equals(doc.slaFirstResponse) || BREACHED.equals(doc.slaResolution);
        boolean done = !doc.open && doc.resolvedAt != null;
        doc.slaStatus = breached ? BREACHED : done ? MET : PENDING;
        doc.slaBreached = breached;
        doc.slaMet = breached ? Integer.valueOf(0) : done ? Integer.valueOf(1) : null;
    }

    private static String outcome(Instant done, Instant due) {
        if (done == null) {
            return PENDING;
        }
        return due == null || !done.isAfter(due) ? MET : BREACHED;
    }

    private static Long minutes(Instant from, Instant to) {
        return from == null || to == null ? null : Math.max(0, Duration.between(from, to).toMinutes());
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
