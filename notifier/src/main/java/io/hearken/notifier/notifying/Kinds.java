package io.hearken.notifier.notifying;

import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.InformationRequested;
import io.hearken.events.ProgressNoted;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaWarning;

/** The mails the notifier writes ({@code NotificationSent.kind}), one per event that calls for one. */
public final class Kinds {

    /** To the resident, on the first routing: tracking id, department, expected response (the thread's root). */
    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    /** To the resident: a department took the complaint on (ComplaintAcknowledged). */
    public static final String ASSIGNMENT = "assignment";
    /** To the resident: re-routed to another department (ComplaintRouted with previousDepartment). */
    public static final String REASSIGNMENT = "reassignment";
    public static final String PROGRESS = "progress";
    public static final String INFORMATION_REQUEST = "information-request";
    /** To the resident, with the satisfaction link. */
    public static final String RESOLUTION = "resolution";
    public static final String REOPENED = "reopened";
    /** To the department's supervisor. */
    public static final String SLA_WARNING = "sla-warning";
    public static final String SLA_BREACH = "sla-breach";
    /** To management (level MANAGEMENT) or the department's supervisor (level SUPERVISOR). */
    public static final String ESCALATION = "escalation";
    /**
     * To the resident, beside the mail to management, when the complaint is escalated to management. Its cause is
     * derived from the escalation ({@link #residentCause}), so the staff mail and this one stay apart.
     */
    public static final String ESCALATED = "escalated";
    /** To the resident, when nothing happened on the open complaint for the quiet period: still being handled. */
    public static final String PERIODIC_UPDATE = "periodic-update";

    private Kinds() {
    }

    /** The cause recorded for the resident's notice about an event that also mails staff (one Message-ID each). */
    public static String residentCause(String kind, String eventId) {
        return io.hearken.events.Events.idFrom(kind, eventId);
    }

    /** The mail an event calls for, or {@code null} (ComplaintReassigned waits for the router's re-routing). */
    public static String of(ComplaintEvent event) {
        if (event instanceof ComplaintRouted r) {
            if (r.assignment() != null && r.assignment().previousDepartment() == null && r.assignment().reason() != null) {
                return null; // a routing in place (a corrected classification): nothing new for the resident
            }
            return r.assignment() != null && r.assignment().previousDepartment() != null ? REASSIGNMENT : ACKNOWLEDGEMENT;
        }
        if (event instanceof ProgressNoted p) {
            return p.visibleToResident() ? PROGRESS : null;
        }
        if (event instanceof ComplaintAcknowledged) {
            return ASSIGNMENT;
        }
        if (event instanceof InformationRequested) {
            return INFORMATION_REQUEST;
        }
        if (event instanceof ComplaintResolved) {
            return RESOLUTION;
        }
        if (event instanceof ComplaintReopened) {
            return REOPENED;
        }
        if (event instanceof SlaWarning) {
            return SLA_WARNING;
        }
        if (event instanceof SlaBreached) {
            return SLA_BREACH;
        }
        if (event instanceof ComplaintEscalated) {
            return ESCALATION;
        }
        return null;
    }
}
