package io.hearken.router.routing;

import io.hearken.events.ClassificationCorrected;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Events;
import io.hearken.events.Urgency;
import io.hearken.router.priority.Prioritising;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing after a supervisor corrected the category and urgency: the corrected classification (confidence 1, no
 * triage), the priority recomputed from the new urgency with the same impact and history, the same department. The
 * deadlines are set by the caller from the re-targeted SLA clock.
 */
final class Correcting {

    private Correcting() {
    }

    static ComplaintRouted routing(ComplaintRouted last, ClassificationCorrected corrected, Instant now,
            List<String> impactSignals, Prioritising.Resident resident) {
        ComplaintRouted.Classification was = last.classification();
        String category = corrected.toCategory() == null ? was.category() : corrected.toCategory();
        Urgency urgency = corrected.toUrgency() == null ? was.urgency() : corrected.toUrgency();
        String who = corrected.by() == null ? "desk" : corrected.by().id();
        List<String> reasons = new ArrayList<>(was.reasons() == null ? List.of() : was.reasons());
        reasons.add("corrected by " + who + ": " + was.category() + "/" + was.urgency() + " → " + category + "/" + urgency);
        ComplaintRouted.Classification classification = new ComplaintRouted.Classification(category, urgency, 1.0,
                false, List.copyOf(reasons), List.of(), was.sentiment(), was.customerType()); // what the resident is stays
        ComplaintRouted.Links links = last.links() == null ? ComplaintRouted.Links.none() : last.links();
        int related = links.relatedTo() == null ? 0 : 1;
        Prioritising.Priority priority = Prioritising.of(urgency, impactSignals, related,
                links.repeatOf() == null ? 0 : links.repeatOf().size(), resident);
        List<String> priorityReasons = new ArrayList<>(priority.reasons());
        priorityReasons.add("classification corrected");
        ComplaintRouted.Assignment a = last.assignment();
        return new ComplaintRouted(Events.idFrom("corrected", corrected.eventId()), last.complaintId(), now,
                last.complaint(), classification,
                new ComplaintRouted.Assignment(a.department(), priority.level(), List.copyOf(priorityReasons),
                        a.firstResponseDue(), a.resolutionDue(), null, "classification corrected"),
                links);
    }
}
