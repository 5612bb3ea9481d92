package io.hearken.notifier.delivery;

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
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.HandlerAssigned;
import io.hearken.events.InformationRequested;
import io.hearken.events.MailBounced;
import io.hearken.events.NotificationNotSent;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.ReturnVisitRecorded;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaWarning;
import java.util.Optional;

/**
 * The messages the notifier writes. {@link #id()} is the kind on the ledger ({@code NotificationSent.kind}), in
 * the templates' and messages' names ({@code mail.<id>.subject}, {@code sms.<id>}) and in the metrics; it is part
 * of every idempotency key, so an id never changes.
 */
public enum MailKind {
    /** To the resident, on the first routing (ComplaintRouted): tracking id, department, expected response; the thread's root. */
    ACKNOWLEDGEMENT("acknowledgement"),
    /** To the resident: a department took the complaint on (ComplaintAcknowledged). */
    ASSIGNMENT("assignment"),
    /** To the resident: re-routed to another department (ComplaintRouted with a previous department). */
    REASSIGNMENT("reassignment"),
    /** To the resident: a note staff made visible (ProgressNoted). */
    PROGRESS("progress"),
    /** To the resident: staff ask a question (InformationRequested). */
    INFORMATION_REQUEST("information-request"),
    /** To the resident, with the satisfaction link (ComplaintResolved). */
    RESOLUTION("resolution"),
    /** To the resident (ComplaintReopened). */
    REOPENED("reopened"),
    /** To the department's supervisor (SlaWarning). */
    SLA_WARNING("sla-warning"),
    /** To the department's supervisor (SlaBreached). */
    SLA_BREACH("sla-breach"),
    /** To management (level MANAGEMENT) or the department's supervisor (level SUPERVISOR) (ComplaintEscalated). */
    ESCALATION("escalation"),
    /**
     * To the resident, beside the mail to management, when the complaint is escalated to management. Its cause is
     * derived from the escalation ({@link #residentCause}), so the staff mail and this one stay apart.
     */
    ESCALATED("escalated"),
    /** To the resident, when nothing happened on the open complaint for the quiet period: still being handled. */
    PERIODIC_UPDATE("periodic-update");

    private final String id;

    MailKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    /** The cause recorded for the resident's notice about an event that also mails staff (one Message-ID each). */
    public String residentCause(String eventId) {
        return Events.idFrom(id, eventId);
    }

    /** The message an event calls for, if any (every event type answers in {@link ForEvent}). */
    public static Optional<MailKind> of(ComplaintEvent event) {
        return Optional.ofNullable(event.accept(FOR_EVENT));
    }

    private static final ForEvent FOR_EVENT = new ForEvent();

    /** Which event calls for which message; {@code null}: none. A new event type does not compile until it is here. */
    private static final class ForEvent implements ComplaintEvent.Visitor<MailKind> {

        @Override
        public MailKind visit(ComplaintRouted routed) {
            ComplaintRouted.Assignment a = routed.assignment();
            if (a != null && a.previousDepartment() == null && a.reason() != null) {
                return null; // a routing in place (a corrected classification): nothing new for the resident
            }
            return a != null && a.previousDepartment() != null ? REASSIGNMENT : ACKNOWLEDGEMENT;
        }

        @Override
        public MailKind visit(ProgressNoted note) {
            return note.visibleToResident() ? PROGRESS : null;
        }

        @Override
        public MailKind visit(ComplaintAcknowledged event) {
            return ASSIGNMENT;
        }

        @Override
        public MailKind visit(InformationRequested event) {
            return INFORMATION_REQUEST;
        }

        @Override
        public MailKind visit(ComplaintResolved event) {
            return RESOLUTION;
        }

        @Override
        public MailKind visit(ComplaintReopened event) {
            return REOPENED;
        }

        @Override
        public MailKind visit(SlaWarning event) {
            return SLA_WARNING;
        }

        @Override
        public MailKind visit(SlaBreached event) {
            return SLA_BREACH;
        }

        @Override
        public MailKind visit(ComplaintEscalated event) {
            return ESCALATION;
        }

        @Override
        public MailKind visit(ComplaintReceived event) {
            return null; // acknowledged once routed, with the department and the deadline
        }

        @Override
        public MailKind visit(FollowUpReceived event) {
            return null; // the resident wrote it
        }

        @Override
        public MailKind visit(FeedbackGiven event) {
            return null; // the resident gave it; a low score reopens (REOPENED)
        }

        @Override
        public MailKind visit(ComplaintReassigned event) {
            return null; // the router's re-routing that follows is mailed (REASSIGNMENT)
        }

        @Override
        public MailKind visit(DuplicateLinked event) {
            return null;
        }

        @Override
        public MailKind visit(NotificationSent event) {
            return null; // the notifier's own records
        }

        @Override
        public MailKind visit(NotificationNotSent event) {
            return null;
        }

        @Override
        public MailKind visit(MailBounced event) {
            return null;
        }

        @Override
        public MailKind visit(ComplaintAnonymised event) {
            return null;
        }

        @Override
        public MailKind visit(HandlerAssigned event) {
            return null; // the resident's mails name the handler's role, not the person
        }

        @Override
        public MailKind visit(ClassificationCorrected event) {
            return null; // the routing in place that follows is not mailed either
        }

        @Override
        public MailKind visit(ReturnVisitRecorded event) {
            return null; // staff spoke to the resident; a reopening is mailed (REOPENED)
        }
    }
}
