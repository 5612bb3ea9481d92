package io.hearken.router.routing;

import io.hearken.events.Actor;
import io.hearken.events.ClassificationCorrected;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Departments;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.InformationRequested;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaWarning;
import io.hearken.events.Topics;
import io.hearken.events.Urgency;
import io.hearken.events.privacy.PersonalData;
import io.hearken.router.assignment.RoutingTable;
import io.hearken.router.classification.Classifier;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.LinkingComplaint;
import io.hearken.router.history.Places;
import io.hearken.router.priority.Prioritising;
import io.hearken.router.sla.SlaPolicy;
import io.hearken.router.sla.SlaTimer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The router's decisions, free of Kafka and Spring: a new complaint is classified, linked, given a
 * priority, a department and an SLA clock; desk actions and resident replies move the clock;
 * {@link #tick} turns passed deadlines into warnings, breaches and escalations. Every emitted event
 * has an id derived from its cause, and its id is remembered, so nothing is done twice.
 */
public final class RoutingComplaints {

    static final Actor ROUTER = Actor.system("router");

    private final Classifier classifier;
    private final RoutingTable table;
    private final SlaPolicy sla;
    private final LinkingComplaint linking;
    private final PersonalData privacy;

    /** {@code privacy} may be null: then residents are not matched (no secret configured). */
    public RoutingComplaints(Classifier classifier, RoutingTable table, SlaPolicy sla, LinkingComplaint linking,
            PersonalData privacy) {
        this.classifier = classifier;
        this.table = table;
        this.sla = sla;
        this.linking = linking;
        this.privacy = privacy;
    }

    public void on(ComplaintEvent event, Instant now, RouterPort port) {
        if (event instanceof ComplaintReceived received) {
            route(received, now, port);
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
            String text = join(routed.complaint().subject(), routed.complaint().description());
            routed = Correcting.routing(routed, corrected, now, classifier.rules().impactSignals(text),
                    resident(routed.classification(), text));
            timer = timer.retarget(started(routed), target(routed), sla);
            routed = withDeadlines(routed, timer);
            port.send(Topics.ROUTED, routed);
            port.send(Topics.assignments(routed.assignment().department()), routed);
            ids.add(routed.eventId());
        } else if (event instanceof DuplicateLinked linked && linked.master() != null) {
            HistoryEntry e = entry(routed.complaint(), routed.classification().category(), linked.master());
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
        SlaTimer timer = state.sla();
        int breaches = state.breaches();
        List<String> ids = new ArrayList<>();
        for (SlaTimer.Due due = timer.check(now); due != null; due = timer.check(now)) {
            String department = state.department();
            String id = Events.idFrom("sla", state.complaintId().value(), due.clock().name(),
                    due.breach() ? "breach" : "warning", due.due().toString());
            if (due.breach()) {
                breaches++;
                port.send(Topics.UPDATES, new SlaBreached(id, state.complaintId(), now, due.clock(), due.due(), department));
                boolean toManagement = state.major() || breaches >= 2;
                String why = due.clock().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " deadline " + due.due()
                        + " passed" + (state.major() ? " on a major complaint" : breaches >= 2 ? " (breach " + breaches + ")" : "");
                ComplaintEscalated escalated = new ComplaintEscalated(Events.idFrom("escalated", id), state.complaintId(),
                        now, ROUTER, toManagement ? ComplaintEscalated.Level.MANAGEMENT : ComplaintEscalated.Level.SUPERVISOR,
                        department, why);
                port.send(Topics.UPDATES, escalated);
                ids.add(escalated.eventId());
            } else {
                port.send(Topics.UPDATES, new SlaWarning(id, state.complaintId(), now, due.clock(), due.due(), department));
            }
            ids.add(id);
            timer = timer.fired(due);
        }
        if (ids.isEmpty()) {
            return state;
        }
        ComplaintState next = state.with(state.routed(), state.status(), timer, breaches, ids);
        port.save(next);
        return next;
    }

    private void route(ComplaintReceived received, Instant now, RouterPort port) {
        Optional<ComplaintState> known = port.complaint(received.complaintId());
        if (known.isPresent()) {
            String first = known.get().routed() == null ? null : known.get().routed().complaint().eventId();
            if (first != null && !first.equals(received.eventId())) {
                port.reject("tracking id " + received.complaintId() + " already belongs to another complaint (event "
                        + first + "); this complaint (event " + received.eventId() + ") needs a new id");
            }
            return; // otherwise routed before: a redelivery, or the same submission sent again (same event id)
        }
        String text = join(received.subject(), received.description());
        ComplaintRouted.Classification classification = classifier.classify(text, received.categoryHint(),
                received.residentType(), received.details());
        String category = classification.category();
        Urgency urgency = classification.urgency();

        HistoryEntry entry = entry(received, category, null);
        LinkingComplaint.Result link = linking.link(entry, port.history(entry.building(), entry.residentHash()));
        List<String> impact = classifier.rules().impactSignals(text);
        Prioritising.Priority priority = Prioritising.of(urgency, impact, link.relatedCount(), link.repeatOf().size(),
                resident(classification, text));

        boolean outOfHours = !sla.calendar().isOpen(now);
        RoutingTable.Route route = classification.needsTriage()
                ? new RoutingTable.Route(Departments.TRIAGE, "low confidence → triage")
                : table.route(new RoutingTable.Request(category, urgency, received.place(), classification.customerType(),
                        outOfHours));
        List<String> reasons = new ArrayList<>(priority.reasons());
        reasons.add(route.reason());
        if (link.relatedTo() != null) {
            reasons.add("linked to incident " + link.relatedTo());
        }

        Instant started = received.at() != null && received.at().isBefore(now) ? received.at() : now;
        SlaTimer timer = SlaTimer.start(started, sla.target(category, urgency), sla);
        ComplaintRouted routed = new ComplaintRouted(Events.idFrom("routed", received.eventId()), received.complaintId(),
                now, received, classification,
                new ComplaintRouted.Assignment(route.department(), priority.level(), List.copyOf(reasons),
                        timer.firstResponseDue(), timer.resolutionDue(), null, null),
                new ComplaintRouted.Links(link.relatedTo(), link.repeat(), link.repeatOf()));
        port.send(Topics.ROUTED, routed);
        port.send(Topics.assignments(route.department()), routed);
        List<String> ids = new ArrayList<>(List.of(received.eventId(), routed.eventId()));

        if (link.relatedTo() != null) {
            DuplicateLinked linked = new DuplicateLinked(Events.idFrom("linked", received.eventId()),
                    received.complaintId(), now, ROUTER, link.relatedTo(), false);
            port.send(Topics.UPDATES, linked);
            ids.add(linked.eventId());
        }
        // Management hears of an incident once: from its first urgent-safety or many-residents complaint,
        // not again from each neighbour's complaint that is linked to it.
        boolean urgentSafety = "safety".equals(category) && urgency == Urgency.URGENT;
        boolean major = urgentSafety || priority.manyAffected();
        boolean escalate = major && !link.incidentEscalated();
        if (escalate) {
            ComplaintEscalated escalated = new ComplaintEscalated(Events.idFrom("escalated", received.eventId()),
                    received.complaintId(), now, ROUTER, ComplaintEscalated.Level.MANAGEMENT, route.department(),
                    "major complaint: " + (urgentSafety ? "urgent safety issue"
                            : "many residents affected (" + String.join(", ", impact) + ")"));
            port.send(Topics.UPDATES, escalated);
            ids.add(escalated.eventId());
        }
        port.remember(new HistoryEntry(entry.complaintId(), entry.at(), entry.building(), entry.unit(),
                entry.residentHash(), category, entry.text(), link.relatedTo(), escalate || link.incidentEscalated() ? true : null));
        ComplaintState state = new ComplaintState(received.complaintId(), routed,
                ComplaintStatus.after(ComplaintStatus.after(null, received), routed), timer, major, 0, List.of());
        port.save(state.with(routed, state.status(), timer, 0, ids));
    }

    /** The sentiment's cues and the business-impact words, read again only when they count. */
    private Prioritising.Resident resident(ComplaintRouted.Classification c, String text) {
        List<String> distress = c.sentiment() == io.hearken.events.Sentiment.DISTRESSED ? classifier.sentiment(text).cues() : List.of();
        List<String> business = c.customerType() == io.hearken.events.ResidentType.BUSINESS
                ? classifier.customerTypes().businessImpact(text) : List.of();
        return new Prioritising.Resident(c.sentiment(), distress, c.customerType(), business);
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

    private HistoryEntry entry(ComplaintReceived received, String category, io.hearken.events.ComplaintId relatedTo) {
        String resident = null;
        if (privacy != null && received.contact() != null) {
            resident = received.contact().hasEmail() ? privacy.hash(received.contact().email())
                    : received.contact().hasPhone() ? privacy.hash(received.contact().phone()) : null;
        }
        Instant at = received.at() != null ? received.at() : Instant.EPOCH;
        return new HistoryEntry(received.complaintId(), at, Places.building(received.place()),
                Places.unit(received.place()), resident, category, join(received.subject(), received.description()),
                relatedTo);
    }

    static String join(String subject, String description) {
        String s = subject == null ? "" : subject.strip();
        String d = description == null ? "" : description.strip();
        return s.isEmpty() ? d : d.isEmpty() ? s : s + "\n" + d;
    }
}
