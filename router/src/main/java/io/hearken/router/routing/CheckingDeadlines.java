package io.hearken.router.routing;

import io.hearken.events.ComplaintEscalated;
import io.hearken.events.Events;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaWarning;
import io.hearken.events.Topics;
import io.hearken.router.sla.SlaTimer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The SLA clock's passed deadlines: warnings, breaches, and escalations to the supervisor or management. */
final class CheckingDeadlines {

    /** Checks one complaint's SLA clock at {@code now}; returns the state to keep. */
    ComplaintState tick(ComplaintState state, Instant now, RouterPort port) {
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
                        now, RoutingComplaints.ROUTER, toManagement ? ComplaintEscalated.Level.MANAGEMENT : ComplaintEscalated.Level.SUPERVISOR,
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
}
