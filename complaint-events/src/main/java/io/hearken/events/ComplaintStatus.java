package io.hearken.events;

/**
 * Where a complaint stands, derived from its events by {@link #after}: the one state machine that the
 * desk, the tracking page and analytics all show.
 */
public enum ComplaintStatus {
    RECEIVED, ASSIGNED, ACKNOWLEDGED, WAITING_ON_RESIDENT, RESOLVED, REOPENED, CLOSED;

    /** {@code current} may be null (nothing seen yet). Events that do not move the status return it unchanged. */
    public static ComplaintStatus after(ComplaintStatus current, ComplaintEvent event) {
        if (event instanceof ComplaintReceived) {
            return current == null ? RECEIVED : current;
        }
        if (event instanceof ComplaintRouted routed) {
            // A re-routing (reassignment) puts an open complaint back in a queue; a redelivered first
            // routing must not undo an acknowledgement.
            boolean rerouted = routed.assignment() != null && routed.assignment().previousDepartment() != null;
            return current == null || current == RECEIVED || rerouted && isOpen(current) ? ASSIGNED : current;
        }
        if (event instanceof ComplaintAcknowledged) {
            return isOpen(current) ? ACKNOWLEDGED : current;
        }
        if (event instanceof InformationRequested) {
            return isOpen(current) ? WAITING_ON_RESIDENT : current;
        }
        if (event instanceof FollowUpReceived) {
            return current == WAITING_ON_RESIDENT ? ACKNOWLEDGED : current;
        }
        if (event instanceof ComplaintResolved) {
            return RESOLVED;
        }
        if (event instanceof ComplaintReopened) {
            return REOPENED;
        }
        if (event instanceof FeedbackGiven feedback) {
            // A low score makes the router reopen the complaint; a good one closes it.
            return current == RESOLVED && feedback.score() >= FeedbackGiven.REOPEN_BELOW ? CLOSED : current;
        }
        return current;
    }

    public static boolean isOpen(ComplaintStatus status) {
        return status != RESOLVED && status != CLOSED;
    }
}
