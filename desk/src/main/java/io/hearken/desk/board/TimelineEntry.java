package io.hearken.desk.board;

import io.hearken.events.Actor;
import io.hearken.events.ClassificationCorrected;
import io.hearken.events.HandlerAssigned;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.InformationRequested;
import io.hearken.events.ProgressNoted;
import io.hearken.events.ReturnVisitRecorded;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaWarning;
import java.time.Instant;

/** One line of a complaint's history at the desk. {@code type} is the event's JSON type id (docs/events.md). */
public record TimelineEntry(Instant at, String type, String by, String byDepartment, String text,
        Boolean visibleToResident, String detail) {

    public static TimelineEntry of(ComplaintEvent e) {
        String type = typeOf(e);
        if (e instanceof ComplaintRouted r) {
            var a = r.assignment();
            return new TimelineEntry(e.at(), type, "router", null, a == null ? null : a.reason(), null,
                    a == null ? null : (a.previousDepartment() == null ? "" : a.previousDepartment() + " → ") + a.department());
        }
        if (e instanceof ComplaintAcknowledged x) {
            return by(e, type, x.by(), null, null, null);
        }
        if (e instanceof ProgressNoted x) {
            return by(e, type, x.by(), x.note(), x.visibleToResident(), null);
        }
        if (e instanceof InformationRequested x) {
            return by(e, type, x.by(), x.question(), true, null);
        }
        if (e instanceof ComplaintResolved x) {
            return by(e, type, x.by(), x.resolution(), true, null);
        }
        if (e instanceof ComplaintReassigned x) {
            return by(e, type, x.by(), x.reason(), false, x.fromDepartment() + " → " + x.toDepartment());
        }
        if (e instanceof DuplicateLinked x) {
            return by(e, type, x.by(), null, null, (x.merged() ? "merged into " : "duplicate of ") + x.master());
        }
        if (e instanceof ComplaintReopened x) {
            return by(e, type, x.by(), x.reason(), null, null);
        }
        if (e instanceof ComplaintAnonymised x) {
            return by(e, type, x.by(), null, false, x.reason());
        }
        if (e instanceof ComplaintEscalated x) {
            return by(e, type, x.by(), x.reason(), false, x.level().name());
        }
        if (e instanceof HandlerAssigned x) {
            return by(e, type, x.by(), null, false, x.handler() == null ? null : x.handler().name());
        }
        if (e instanceof ClassificationCorrected x) {
            return by(e, type, x.by(), x.reason(), false, x.fromCategory() + " " + x.fromUrgency() + " → "
                    + x.toCategory() + " " + x.toUrgency());
        }
        if (e instanceof ReturnVisitRecorded x) { // internal: the staff's notes about the call
            return by(e, type, x.by(), x.notes(), false, (x.reached() ? "reached" : "not reached")
                    + (x.satisfied() == null ? "" : x.satisfied() ? ", satisfied" : ", not satisfied")
                    + (x.reopened() ? ", reopened" : ""));
        }
        if (e instanceof SlaWarning x) {
            return new TimelineEntry(e.at(), type, "sla", x.department(), null, false, x.clock() + " " + x.due());
        }
        if (e instanceof SlaBreached x) {
            return new TimelineEntry(e.at(), type, "sla", x.department(), null, false, x.clock() + " " + x.due());
        }
        if (e instanceof FollowUpReceived x) {
            return new TimelineEntry(e.at(), type, "resident", null, x.text(), true, x.channel().name());
        }
        if (e instanceof FeedbackGiven x) {
            return new TimelineEntry(e.at(), type, "resident", null, x.comment(), true, x.score() + "/5");
        }
        return new TimelineEntry(e.at(), type, null, null, null, null, null);
    }

    private static TimelineEntry by(ComplaintEvent e, String type, Actor actor, String text, Boolean visible,
            String detail) {
        return new TimelineEntry(e.at(), type, actor == null ? null : actor.name(),
                actor == null ? null : actor.department(), text, visible, detail);
    }

    /** The JSON type id, e.g. {@code complaint-acknowledged}. */
    public static String typeOf(ComplaintEvent e) {
        try {
            return (String) e.getClass().getField("TYPE").get(null);
        } catch (ReflectiveOperationException missing) {
            return e.getClass().getSimpleName();
        }
    }
}
