package io.hearken.desk.actions;

import io.hearken.desk.board.DeskComplaint;
import io.hearken.events.Actor;
import io.hearken.events.HandlerAssigned;
import io.hearken.staff.StaffDirectory;
import io.hearken.staff.StaffPerson;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * Names the person who handles a complaint: a supervisor (or manager) names anyone of the complaint's department, a
 * worker only themself ({@code me}). One {@link HandlerAssigned} on {@code complaints.updates}.
 */
@Service
public class NamingHandler {

    /** What a person writes to name themself. */
    public static final String ME = "me";

    private final WorkingOnComplaints work;
    private final StaffDirectory directory;

    NamingHandler(WorkingOnComplaints work, StaffDirectory directory) {
        this.work = work;
        this.directory = directory;
    }

    public Done name(StaffPerson person, String id, String handler, String idempotencyKey) {
        String wanted = handler == null ? "" : handler.strip();
        String target = ME.equals(wanted) ? person.id() : wanted;
        AtomicReference<Actor> named = new AtomicReference<>();
        return work.act(person, id, "handler", idempotencyKey, c -> {
            WorkingOnComplaints.mustBeOpen(c);
            boolean self = target.equals(person.id());
            if (!self && !person.isSupervisor()) {
                throw DeskProblem.forbidden("problem.handler-self-only");
            }
            StaffPerson who = self ? person : find(target)
                    .orElseThrow(() -> DeskProblem.invalid("problem.unknown-person", target));
            if (!who.departments().contains(c.department())) {
                throw DeskProblem.invalid("problem.handler-other-department", who.id(), c.department());
            }
            if (who.id().equals(c.handlerId())) {
                throw DeskProblem.conflict("problem.already-handler", who.name());
            }
            named.set(new Actor(who.id(), who.name(), c.department(), Actor.Role.valueOf(who.role().name())));
        }, (eventId, at, by, c) -> new HandlerAssigned(eventId, c.id(), at, by, named.get()));
    }

    /** The people of a department who may be named (for the console's choice). */
    public java.util.List<StaffPerson> candidates(DeskComplaint complaint) {
        return directory.people().stream().filter(p -> p.departments().contains(complaint.department())).toList();
    }

    private Optional<StaffPerson> find(String username) {
        return directory.people().stream().filter(p -> p.id().equals(username)).findFirst();
    }
}
