package io.hearken.desk.board;

import io.hearken.events.Actor;
import io.hearken.events.ClassificationCorrected;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.HandlerAssigned;
import io.hearken.events.InformationRequested;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaClock;
import io.hearken.events.SlaWarning;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One complaint as the desk sees it: a fold of its events in the order they happened. Immutable; the board
 * replaces it when an event arrives. {@code routing} is null until the router's decision has been seen.
 */
public record DeskComplaint(ComplaintId id, ComplaintRouted routing, String department, ComplaintStatus status,
        Set<SlaClock> warned, Set<SlaClock> breached, ComplaintEscalated.Level escalation, ComplaintId duplicateOf,
        boolean merged, Integer satisfaction, Instant lastActivity, Instant firstResponseDue, Instant resolutionDue,
        List<ComplaintEvent> history, ComplaintRouted.Classification classification, Actor handler) {

    /** Folds the events, already in the order they happened. */
    static DeskComplaint fold(ComplaintId id, List<ComplaintEvent> history) {
        ComplaintRouted routing = null;
        String department = null;
        ComplaintStatus status = null;
        Set<SlaClock> warned = EnumSet.noneOf(SlaClock.class);
        Set<SlaClock> breached = EnumSet.noneOf(SlaClock.class);
        ComplaintEscalated.Level escalation = null;
        ComplaintId duplicateOf = null;
        boolean merged = false;
        Integer satisfaction = null;
        Instant lastActivity = null;
        // The deadlines as the router's SLA clock moves them (docs/desk.md, "Deadlines"): it publishes them with
        // each routing and in its SLA events, and in between the desk follows its rules.
        Instant firstResponseDue = null;
        Instant resolutionDue = null;
        Instant pausedSince = null;
        ComplaintRouted.Classification classification = null;
        Actor handler = null;
        for (ComplaintEvent event : history) {
            status = ComplaintStatus.after(status, event);
            lastActivity = event.at();
            if (event instanceof ComplaintRouted routed) {
                String before = routing == null || routing.assignment() == null ? null : routing.assignment().department();
                routing = routed;
                classification = routed.classification();
                if (routed.assignment() != null) {
                    department = routed.assignment().department();
                    firstResponseDue = routed.assignment().firstResponseDue();
                    resolutionDue = routed.assignment().resolutionDue();
                }
                if (routed.links() != null && routed.links().relatedTo() != null) {
                    duplicateOf = routed.links().relatedTo();
                }
                // New deadlines (a new department, or a corrected urgency); a new department starts afresh.
                warned.clear();
                breached.clear();
                if (before == null || !before.equals(department)) {
                    escalation = null;
                    handler = null;
                }
            } else if (event instanceof ComplaintReassigned reassigned) {
                // It leaves the queue at once; the router's re-routing follows with the new deadlines.
                department = reassigned.toDepartment();
                handler = null;
            } else if (event instanceof HandlerAssigned assigned) {
                handler = assigned.handler();
            } else if (event instanceof ClassificationCorrected corrected && classification != null) {
                // Shown at once; the router's routing with the corrected classification and deadlines follows.
                classification = new ComplaintRouted.Classification(corrected.toCategory(), corrected.toUrgency(), 1.0,
                        false, List.of("corrected"), List.of());
            } else if (event instanceof ComplaintAcknowledged) {
                warned.remove(SlaClock.FIRST_RESPONSE);
                breached.remove(SlaClock.FIRST_RESPONSE);
            } else if (event instanceof InformationRequested && pausedSince == null && ComplaintStatus.isOpen(status)) {
                pausedSince = event.at(); // the clock stands still until the resident answers
            } else if (event instanceof FollowUpReceived && pausedSince != null) {
                // Moved on by the length of the pause (the router counts working time for a business-hours SLA).
                Duration pause = Duration.between(pausedSince, event.at());
                resolutionDue = resolutionDue == null ? null : resolutionDue.plus(pause);
                pausedSince = null;
            } else if (event instanceof ComplaintReopened && routing != null && routing.assignment() != null) {
                // A fresh resolution deadline from now; the desk gives it the length of the first one.
                Instant received = routing.complaint() == null ? null : routing.complaint().at();
                Instant first = routing.assignment().resolutionDue();
                resolutionDue = received == null || first == null ? null : event.at().plus(Duration.between(received, first));
                pausedSince = null;
                warned.remove(SlaClock.RESOLUTION);
                breached.remove(SlaClock.RESOLUTION);
            } else if (event instanceof SlaWarning warning) {
                warned.add(warning.clock());
                // The router's own deadline: authoritative.
                if (warning.due() != null && warning.clock() == SlaClock.RESOLUTION) {
                    resolutionDue = warning.due();
                } else if (warning.due() != null) {
                    firstResponseDue = warning.due();
                }
            } else if (event instanceof SlaBreached breach) {
                breached.add(breach.clock());
                if (breach.due() != null && breach.clock() == SlaClock.RESOLUTION) {
                    resolutionDue = breach.due();
                } else if (breach.due() != null) {
                    firstResponseDue = breach.due();
                }
            } else if (event instanceof ComplaintEscalated escalated) {
                escalation = escalated.level();
            } else if (event instanceof ComplaintResolved) {
                pausedSince = null;
                escalation = null;
                warned.clear();
                breached.clear();
            } else if (event instanceof DuplicateLinked linked) {
                duplicateOf = linked.master();
                merged = linked.merged();
            } else if (event instanceof FeedbackGiven feedback) {
                satisfaction = feedback.score();
            }
        }
        return new DeskComplaint(id, routing, department, status, Set.copyOf(warned), Set.copyOf(breached),
                escalation, duplicateOf, merged, satisfaction, lastActivity, firstResponseDue, resolutionDue,
                List.copyOf(history), classification, handler);
    }

    /** What the board keeps of it in memory. */
    public ComplaintSummary summary() {
        return ComplaintSummary.of(this);
    }

    /** Known to the desk: the router has assigned it somewhere. */
    public boolean routed() {
        return routing != null && department != null;
    }

    public ComplaintReceived complaint() {
        return routing == null ? null : routing.complaint();
    }

    public int priority() {
        return routing == null || routing.assignment() == null ? Integer.MAX_VALUE : routing.assignment().priority();
    }

    public String category() {
        return classification == null ? null : classification.category();
    }

    public io.hearken.events.Urgency urgency() {
        return classification == null ? null : classification.urgency();
    }

    /** The user name of the person named to handle it, or null. */
    public String handlerId() {
        return handler == null ? null : handler.id();
    }

    public String building() {
        ComplaintReceived c = complaint();
        return c == null || c.place() == null ? null : c.place().building();
    }

    public boolean open() {
        return ComplaintStatus.isOpen(status);
    }

    public boolean acknowledged() {
        return status != ComplaintStatus.ASSIGNED && status != ComplaintStatus.RECEIVED;
    }

    /** The deadline that matters now: first response until someone answers, then resolution; null when none. */
    public Instant nextDeadline() {
        if (routing == null || routing.assignment() == null || !open()) {
            return null;
        }
        if (status == ComplaintStatus.ASSIGNED && firstResponseDue != null) {
            return firstResponseDue;
        }
        return resolutionDue;
    }

    public SlaClock nextClock() {
        if (routing == null || routing.assignment() == null || !open()) {
            return null;
        }
        return status == ComplaintStatus.ASSIGNED && firstResponseDue != null
                ? SlaClock.FIRST_RESPONSE : SlaClock.RESOLUTION;
    }

    /** The SLA clock stands still while the department waits on the resident. */
    public boolean slaPaused() {
        return status == ComplaintStatus.WAITING_ON_RESIDENT;
    }
}
