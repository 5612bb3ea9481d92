package io.hearken.desk.actions;

import io.hearken.desk.DeskProperties;
import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.desk.board.TimelineEntry;
import io.hearken.staff.StaffPerson;
import io.hearken.events.Actor;
import io.hearken.events.Attachment;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.Events;
import io.hearken.events.InformationRequested;
import io.hearken.events.ProgressNoted;
import io.hearken.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * The desk's actions. Each one checks that the person may act on the complaint (another department's complaint is
 * "not found"), that the action fits the complaint's status and the person's role, then publishes exactly one
 * event on {@code complaints.updates}, keyed by the complaint id, and answers only once Kafka has acknowledged it
 * ({@link PublishingEvents}).
 * An optional idempotency key makes a retried action publish nothing new.
 */
@Service
public class WorkingOnComplaints {

    private static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    private final ComplaintBoard board;
    private final PublishingEvents publishing;
    private final DeskProperties properties;
    private final Clock clock;
    private final Object[] locks = new Object[64];

    public WorkingOnComplaints(ComplaintBoard board, KafkaTemplate<String, ComplaintEvent> kafka) {
        this(board, new PublishingEvents(kafka), new DeskProperties(null, null, null));
    }

    @Autowired
    public WorkingOnComplaints(ComplaintBoard board, PublishingEvents publishing, DeskProperties properties) {
        this.board = board;
        this.publishing = publishing;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public DeskComplaint view(StaffPerson person, String id) {
        return visible(person, id);
    }

    public Done acknowledge(StaffPerson person, String id, String idempotencyKey) {
        return act(person, id, "acknowledge", idempotencyKey, c -> {
            if (c.status() != ComplaintStatus.ASSIGNED && c.status() != ComplaintStatus.REOPENED) {
                throw DeskProblem.conflict("problem.already-acknowledged");
            }
        }, (eventId, at, by, c) -> new ComplaintAcknowledged(eventId, c.id(), at, by));
    }

    public Done note(StaffPerson person, String id, String text, boolean visibleToResident, String idempotencyKey) {
        return note(person, id, text, visibleToResident, null, idempotencyKey);
    }

    /** {@code files}: attached for the resident (stored by the desk's files feature); null or empty for none. */
    public Done note(StaffPerson person, String id, String text, boolean visibleToResident, List<Attachment> files,
            String idempotencyKey) {
        return act(person, id, "note", idempotencyKey, c -> {
        }, (eventId, at, by, c) -> new ProgressNoted(eventId, c.id(), at, by, text.strip(), visibleToResident,
                orNull(files)));
    }

    public Done requestInformation(StaffPerson person, String id, String question, String idempotencyKey) {
        return requestInformation(person, id, question, null, idempotencyKey);
    }

    public Done requestInformation(StaffPerson person, String id, String question, List<Attachment> files,
            String idempotencyKey) {
        return act(person, id, "information-request", idempotencyKey, WorkingOnComplaints::mustBeOpen,
                (eventId, at, by, c) -> new InformationRequested(eventId, c.id(), at, by, question.strip(), orNull(files)));
    }

    public Done resolve(StaffPerson person, String id, String resolution, String idempotencyKey) {
        return resolve(person, id, resolution, null, idempotencyKey);
    }

    public Done resolve(StaffPerson person, String id, String resolution, List<Attachment> files, String idempotencyKey) {
        return act(person, id, "resolution", idempotencyKey, WorkingOnComplaints::mustBeOpen,
                (eventId, at, by, c) -> new ComplaintResolved(eventId, c.id(), at, by, resolution.strip(), orNull(files)));
    }

    /** No files: the field stays absent on the wire, as before. */
    private static List<Attachment> orNull(List<Attachment> files) {
        return files == null || files.isEmpty() ? null : List.copyOf(files);
    }

    public Done reassign(StaffPerson person, String id, String toDepartment, String reason, String idempotencyKey) {
        String to = toDepartment == null ? "" : toDepartment.strip();
        return act(person, id, "reassignment", idempotencyKey, c -> {
            mustBeOpen(c);
            if (!DEPARTMENT.matcher(to).matches()) {
                throw DeskProblem.invalid("problem.bad-department", to);
            }
            if (to.equals(c.department())) {
                throw DeskProblem.conflict("problem.same-department", to);
            }
            // Nobody would ever see a complaint sent to a department that does not exist.
            Set<String> known = knownDepartments();
            if (!known.contains(to)) {
                throw DeskProblem.invalid("problem.unknown-department", to, String.join(", ", known));
            }
        }, (eventId, at, by, c) -> new ComplaintReassigned(eventId, c.id(), at, by, c.department(), to, reason.strip()));
    }

    public Done linkDuplicate(StaffPerson person, String id, String master, boolean merged, String idempotencyKey) {
        if (!ComplaintId.isValid(master)) {
            throw DeskProblem.invalid("problem.bad-master");
        }
        ComplaintId masterId = ComplaintId.of(master);
        return act(person, id, "duplicate", idempotencyKey, c -> {
            if (masterId.equals(c.id())) {
                throw DeskProblem.invalid("problem.self-duplicate");
            }
            // A typo in the master's id would link the complaint to nothing.
            if (board.find(masterId).isEmpty()) {
                throw DeskProblem.invalid("problem.unknown-master", masterId.value());
            }
        }, (eventId, at, by, c) -> new DuplicateLinked(eventId, c.id(), at, by, masterId, merged));
    }

    public Done reopen(StaffPerson person, String id, String reason, String idempotencyKey) {
        return act(person, id, "reopen", idempotencyKey, c -> {
            mustBeSupervisor(person);
            if (c.open()) {
                throw DeskProblem.conflict("problem.not-resolved");
            }
        }, (eventId, at, by, c) -> new ComplaintReopened(eventId, c.id(), at, by, reason.strip()));
    }

    public Done escalate(StaffPerson person, String id, ComplaintEscalated.Level level, String reason,
            String idempotencyKey) {
        return act(person, id, "escalation", idempotencyKey, c -> {
            mustBeSupervisor(person);
            mustBeOpen(c);
        }, (eventId, at, by, c) -> new ComplaintEscalated(eventId, c.id(), at, by, level, c.department(), reason.strip()));
    }

    /** Whether the action fits the complaint and the person; throws a {@link DeskProblem} otherwise. */
    public interface Check {
        void check(DeskComplaint complaint);
    }

    /** The one event of the action. */
    public interface Make {
        ComplaintEvent make(String eventId, Instant at, Actor by, DeskComplaint complaint);
    }

    /** One action: checked, published, applied to the board; for the desk's use cases in other packages too. */
    public Done act(StaffPerson person, String id, String action, String idempotencyKey, Check check, Make make) {
        if (id == null || !ComplaintId.isValid(id)) {
            throw DeskProblem.notFound();
        }
        ComplaintId complaintId = ComplaintId.of(id);
        // The key is the person's own (their id is in the event id): a retry answers the same even when the first
        // attempt took the complaint out of their queue (a reassignment).
        String eventId = idempotencyKey == null || idempotencyKey.isBlank() ? Events.newId()
                : Events.idFrom("desk", complaintId.value(), person.id(), action, idempotencyKey.strip());
        // One action at a time per complaint on this instance: a double click acknowledges once, not twice.
        synchronized (locks[Math.floorMod(complaintId.hashCode(), locks.length)]) {
            if (board.contains(complaintId, eventId)) {
                return done(complaintId, eventId, action); // a retry of an action already taken
            }
            DeskComplaint complaint = visible(person, id);
            check.check(complaint);
            ComplaintEvent event = make.make(eventId, clock.instant(), person.actor(), complaint);
            publishing.publish(Topics.UPDATES, event, action);
            // The person sees the result at once; the feed brings the same event again later and it changes nothing.
            board.apply(event);
            return done(complaintId, eventId, action);
        }
    }

    private Done done(ComplaintId id, String eventId, String action) {
        DeskComplaint now = board.find(id).orElseThrow(DeskProblem::notFound);
        String type = now.history().stream().filter(e -> e.eventId().equals(eventId)).findFirst()
                .map(TimelineEntry::typeOf).orElse(action);
        return new Done(id.value(), eventId, type, now.status());
    }

    private DeskComplaint visible(StaffPerson person, String id) {
        if (id == null || !ComplaintId.isValid(id)) {
            throw DeskProblem.notFound();
        }
        return board.findFor(person, ComplaintId.of(id)).orElseThrow(DeskProblem::notFound);
    }

    /** The configured departments and any the router has assigned complaints to. */
    public Set<String> knownDepartments() {
        Set<String> known = new TreeSet<>(properties.departments());
        known.addAll(board.departments());
        return known;
    }

    static void mustBeOpen(DeskComplaint complaint) {
        if (!complaint.open()) {
            throw DeskProblem.conflict("problem.closed");
        }
    }

    static void mustBeSupervisor(StaffPerson person) {
        if (!person.isSupervisor()) {
            throw DeskProblem.forbidden("problem.supervisors-only");
        }
    }
}
