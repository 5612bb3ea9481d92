package io.hearken.router.routing;

import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Departments;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.Events;
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
import java.util.Optional;

/**
 * A new complaint's first routing: classified, linked to an incident, given a priority, a department and
 * an SLA clock, and taken to management at once when it is major — once per incident.
 */
final class RoutingNewComplaint {

    private final Classifier classifier;
    private final RoutingTable table;
    private final SlaPolicy sla;
    private final LinkingComplaint linking;
    private final PersonalData privacy;

    RoutingNewComplaint(Classifier classifier, RoutingTable table, SlaPolicy sla, LinkingComplaint linking,
            PersonalData privacy) {
        this.classifier = classifier;
        this.table = table;
        this.sla = sla;
        this.linking = linking;
        this.privacy = privacy;
    }

    void route(ComplaintReceived received, Instant now, RouterPort port) {
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
        LinkingComplaint.Result link = linking.link(entry, port.history());
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
                    received.complaintId(), now, RoutingComplaints.ROUTER, link.relatedTo(), false);
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
                    received.complaintId(), now, RoutingComplaints.ROUTER, ComplaintEscalated.Level.MANAGEMENT, route.department(),
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
    Prioritising.Resident resident(ComplaintRouted.Classification c, String text) {
        List<String> distress = c.sentiment() == io.hearken.events.Sentiment.DISTRESSED ? classifier.sentiment(text).cues() : List.of();
        List<String> business = c.customerType() == io.hearken.events.ResidentType.BUSINESS
                ? classifier.customerTypes().businessImpact(text) : List.of();
        return new Prioritising.Resident(c.sentiment(), distress, c.customerType(), business);
    }

    HistoryEntry entry(ComplaintReceived received, String category, io.hearken.events.ComplaintId relatedTo) {
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
