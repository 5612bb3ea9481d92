package io.hearken.events;

/**
 * Where a complaint stands, derived from its events by {@link #after}: the one state machine that the
 * desk, the tracking page and analytics all show.
 */
public enum ComplaintStatus {
    RECEIVED, ASSIGNED, ACKNOWLEDGED, WAITING_ON_RESIDENT, RESOLVED, REOPENED, CLOSED;

    /** {@code current} may be null (nothing seen yet). Events that do not move the status return it unchanged. */
    public static ComplaintStatus after(ComplaintStatus current, ComplaintEvent event) {
        return event.accept(new Transition(current));
    }

    public static boolean isOpen(ComplaintStatus status) {
        return status != RESOLVED && status != CLOSED;
    }

    /** Every event type decides here whether it moves the status (a new type does not compile until it does). */
    private record Transition(ComplaintStatus current) implements ComplaintEvent.Visitor<ComplaintStatus> {

        @Override
        public ComplaintStatus visit(ComplaintReceived event) {
            return current == null ? RECEIVED : current;
        }

        @Override
        public ComplaintStatus visit(ComplaintRouted routed) {
            // A re-routing (reassignment) puts an open complaint back in a queue; a redelivered first
            // routing must not undo an acknowledgement.
            boolean rerouted = routed.assignment() != null && routed.assignment().previousDepartment() != null;
            return current == null || current == RECEIVED || rerouted && isOpen(current) ? ASSIGNED : current;
        }

        @Override
        public ComplaintStatus visit(ComplaintAcknowledged event) {
            return isOpen(current) ? ACKNOWLEDGED : current;
        }

        @Override
        public ComplaintStatus visit(InformationRequested event) {
            return isOpen(current) ? WAITING_ON_RESIDENT : current;
        }

        @Override
        public ComplaintStatus visit(FollowUpReceived event) {
            return current == WAITING_ON_RESIDENT ? ACKNOWLEDGED : current;
        }

        @Override
        public ComplaintStatus visit(ComplaintResolved event) {
            return RESOLVED;
        }

        @Override
        public ComplaintStatus visit(ComplaintReopened event) {
            return REOPENED;
        }

        @Override
        public ComplaintStatus visit(FeedbackGiven feedback) {
            // A low score makes the router reopen the complaint; a good one closes it.
            return current == RESOLVED && feedback.score() >= FeedbackGiven.REOPEN_BELOW ? CLOSED : current;
        }

        // Work on the complaint, links, deadlines and mail records leave its status where it is.

        @Override
        public ComplaintStatus visit(ProgressNoted event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(ComplaintReassigned event) {
            return current; // the router's re-routing that follows moves it
        }

        @Override
        public ComplaintStatus visit(DuplicateLinked event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(ComplaintEscalated event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(SlaWarning event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(SlaBreached event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(NotificationSent event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(NotificationNotSent event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(MailBounced event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(ComplaintAnonymised event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(HandlerAssigned event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(ClassificationCorrected event) {
            return current;
        }

        @Override
        public ComplaintStatus visit(ReturnVisitRecorded event) {
            return current; // a visit that finds the resident unhappy reopens through ComplaintReopened
        }
    }
}
