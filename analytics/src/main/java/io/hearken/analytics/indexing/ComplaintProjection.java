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
import io.hearken.events.privacy.PersonalData;
import java.time.Instant;

/**
 * Folds events into a complaint's current state. Plain Java, no Elasticsearch: the embedded node has no
 * scripts, so the state is computed here and written whole. Safe in any order and any number of times:
 * an event already applied is skipped (its id is kept), and an event older than the last status change
 * never moves the status (so a late {@code ComplaintRouted} cannot reopen a resolved complaint); times
 * use min/max so arrival order does not matter. The status ({@link ComplaintStatusFold}), the complaint and its
 * routing ({@link RoutingFold}) and the derived figures ({@link DerivedFigures}) are folded by their own classes.
 */
final class ComplaintProjection {

    static final String MET = "MET";
    static final String BREACHED = "BREACHED";
    static final String PENDING = "PENDING";

    private final RoutingFold routing;
    private final ReturnVisitRule visits;

    ComplaintProjection(PersonalData personalData) {
        this(personalData, ReturnVisitRule.DEFAULT);
    }

    ComplaintProjection(PersonalData personalData, ReturnVisitRule visits) {
        this.routing = new RoutingFold(personalData);
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
        ComplaintStatusFold.apply(doc, event);
        if (event instanceof ComplaintReceived r) {
            routing.received(doc, r);
        } else if (event instanceof ComplaintRouted r) {
            routing.routed(doc, r);
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
            RoutingFold.corrected(doc, c);
        }
        if (Boolean.TRUE.equals(doc.anonymised)) {
            doc.forgetResident(); // also after any later event: one read before the key went must not bring it back
        }
        DerivedFigures.derive(doc);
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

    static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
