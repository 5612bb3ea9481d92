package io.hearken.router.routing;

import io.hearken.events.Actor;
import io.hearken.events.ClassificationCorrected;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.InformationRequested;
import io.hearken.events.Topics;
import io.hearken.events.privacy.PersonalData;
import io.hearken.router.assignment.RoutingTable;
import io.hearken.router.classification.Classifier;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.LinkingComplaint;
import io.hearken.router.sla.SlaPolicy;
import io.hearken.router.sla.SlaTimer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The router's decisions, free of Kafka and Spring: a new complaint is classified, linked, given a
 * priority, a department and an SLA clock ({@link RoutingNewComplaint}); desk actions and resident
 * replies move the clock (here); {@link #tick} turns passed deadlines into warnings, breaches and
 * escalations ({@link CheckingDeadlines}). Every emitted event has an id derived from its cause, and its
 * id is remembered, so nothing is done twice.
 */
public final class RoutingComplaints {

    static final Actor ROUTER = Actor.system("router");

    private final Classifier classifier;
    private final SlaPolicy sla;
    private final RoutingNewComplaint newComplaint;
    private final CheckingDeadlines deadlines = new CheckingDeadlines();

    /** {@code privacy} may be null: then residents are not matched (no secret configured). */
    public RoutingComplaints(Classifier classifier, RoutingTable table, SlaPolicy sla, LinkingComplaint linking,
            PersonalData privacy) {
        this.classifier = classifier;
        this.sla = sla;
        this.newComplaint = new RoutingNewComplaint(classifier, table, sla, linking, privacy);
    }

    public void on(ComplaintEvent event, Instant now, RouterPort port) {
        if (event instanceof ComplaintReceived received) {
            newComplaint.route(received, now, port);
            return;
        }
        Optional<ComplaintState> found = port.complaint(event.complaintId());
        if (event instanceof ComplaintAnonymised && found.isPresent()) {
            // Its key is gone: the state, read back, has no personal data left; writing it back (with the event)
            // rewrites the stores, the changelogs and complaints.state without it.
            port.forget(event.complaintId());
        } else if (event instanceof ComplaintAnonymised) {
            return; // never routed here: nothing of it to anonymise
        }
        if (found.isEmpty()) {
            port.reject("no complaint " + event.complaintId() + " is known to the router (event " + event.eventId()
                    + "): replay it once the complaint is routed");
            return;
        }
        if (found.get().hasSeen(event.eventId())) {
            return; // a redelivery: handled before
        }
        ComplaintState state = found.get();
        SlaTimer timer = state.sla();
        ComplaintRouted routed = state.routed();
        List<String> ids = new ArrayList<>(List.of(event.eventId()));
        if (event instanceof ComplaintAcknowledged) {
            timer = timer.respond();
        } else if (event instanceof InformationRequested) {
            timer = timer.respond().pause(now);
        } else if (event instanceof FollowUpReceived) {
            timer = timer.resume(now, sla);
        } else if (event instanceof ComplaintResolved) {
            timer = timer.resolve();
        } else if (event instanceof ComplaintReopened) {
            timer = timer.reopen(now, target(routed), sla);
        } else if (event instanceof FeedbackGiven feedback && feedback.score() < FeedbackGiven.REOPEN_BELOW) {
            ComplaintReopened reopened = new ComplaintReopened(Events.idFrom("reopened", feedback.eventId()),
                    feedback.complaintId(), now, ROUTER, "satisfaction score " + feedback.score()
                    + (feedback.comment() == null || feedback.comment().isBlank() ? "" : ": " + feedback.comment()));
            port.send(Topics.UPDATES, reopened);
            ids.add(reopened.eventId());
            timer = timer.reopen(now, target(routed), sla);
        } else if (event instanceof ComplaintReassigned reassigned) {
            routed = reroute(state, reassigned, now);
            timer = timer.reassign(now, target(routed), sla);
            routed = withDeadlines(routed, timer);
            port.send(Topics.ROUTED, routed);
            port.send(Topics.assignments(routed.assignment().department()), routed);
            ids.add(routed.eventId());
        } else if (event instanceof ClassificationCorrected corrected) {
            // Like a reassignment: a routing with the corrected classification, priority and deadlines, here to the
            // same department (no previousDepartment: the status stays, no mail to the resident).
            String text = RoutingNewComplaint.join(routed.complaint().subject(), routed.complaint().description());
            routed = Correcting.routing(routed, corrected, now, classifier.rules().impactSignals(text),
                    newComplaint.resident(routed.classification(), text));
            timer = timer.retarget(started(routed), target(routed), sla);
            routed = withDeadlines(routed, timer);
            port.send(Topics.ROUTED, routed);
            port.send(Topics.assignments(routed.assignment().department()), routed);
            ids.add(routed.eventId());
        } else if (event instanceof DuplicateLinked linked && linked.master() != null) {
            HistoryEntry e = newComplaint.entry(routed.complaint(), routed.classification().category(), linked.master());
            port.remember(new HistoryEntry(e.complaintId(), e.at(), e.building(), e.unit(), e.residentHash(), e.category(),
                    e.text(), e.relatedTo(), state.major() ? true : null));
        }
        ComplaintStatus status = ComplaintStatus.after(state.status(), event);
        if (event instanceof FeedbackGiven feedback && feedback.score() < FeedbackGiven.REOPEN_BELOW) {
            status = ComplaintStatus.REOPENED;
        } else if (event instanceof ComplaintReassigned) {
            status = ComplaintStatus.after(status, routed);
        }
        port.save(state.with(routed, status, timer, state.breaches(), ids));
    }

    /** Checks one complaint's SLA clock at {@code now}; returns the state to keep. */
    public ComplaintState tick(ComplaintState state, Instant now, RouterPort port) {
        return deadlines.tick(state, now, port);
    }

    private ComplaintRouted reroute(ComplaintState state, ComplaintReassigned reassigned, Instant now) {
        ComplaintRouted last = state.routed();
        String to = reassigned.toDepartment() == null ? "" : reassigned.toDepartment().strip();
        Topics.assignments(to); // a bad department code is an error for the dead-letter topic
        String previous = reassigned.fromDepartment() != null ? reassigned.fromDepartment() : state.department();
        String reason = reassigned.reason() == null || reassigned.reason().isBlank() ? "reassigned" : reassigned.reason();
        List<String> reasons = new ArrayList<>(last.assignment().priorityReasons());
        reasons.add("reassigned from " + previous + " to " + to + ": " + reason);
        return new ComplaintRouted(Events.idFrom("rerouted", reassigned.eventId()), last.complaintId(), now,
                last.complaint(), last.classification(),
                new ComplaintRouted.Assignment(to, last.assignment().priority(), List.copyOf(reasons),
                        last.assignment().firstResponseDue(), last.assignment().resolutionDue(), previous, reason),
                last.links());
    }

    private static ComplaintRouted withDeadlines(ComplaintRouted r, SlaTimer timer) {
        ComplaintRouted.Assignment a = r.assignment();
        return new ComplaintRouted(r.eventId(), r.complaintId(), r.at(), r.complaint(), r.classification(),
                new ComplaintRouted.Assignment(a.department(), a.priority(), a.priorityReasons(), timer.firstResponseDue(),
                        timer.resolutionDue(), a.previousDepartment(), a.reason()), r.links());
    }

    /** When the complaint's clock started: its receipt, as at its first routing. */
    private static Instant started(ComplaintRouted routed) {
        Instant received = routed.complaint() == null ? null : routed.complaint().at();
        return received != null && received.isBefore(routed.at()) ? received : routed.at();
    }

    private SlaPolicy.Target target(ComplaintRouted routed) {
        return sla.target(routed.classification().category(), routed.classification().urgency());
    }
}
