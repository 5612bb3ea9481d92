package io.hearken.desk.api;

import io.hearken.desk.actions.CorrectingClassification;
import io.hearken.desk.actions.Done;
import io.hearken.desk.actions.NamingHandler;
import io.hearken.desk.actions.WorkingOnComplaints;
import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.ComplaintDetail;
import io.hearken.desk.board.QueueFilter;
import io.hearken.desk.board.QueueItem;
import io.hearken.desk.board.QueuePage;
import io.hearken.staff.StaffPerson;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk's REST API: the signed-in person's queue, one complaint, and the actions (each one event on
 * {@code complaints.updates}). Errors are RFC 9457 problems ({@link DeskApiProblems}); another department's
 * complaint is 404. An {@code Idempotency-Key} header makes a retried action publish nothing new.
 */
@RestController
@RequestMapping("/api/v1/desk")
class DeskApi {

    private static final String KEY = "Idempotency-Key";

    private final ComplaintBoard board;
    private final WorkingOnComplaints work;
    private final Clock clock = Clock.systemUTC();

    private final NamingHandler naming;
    private final CorrectingClassification correcting;

    DeskApi(ComplaintBoard board, WorkingOnComplaints work, NamingHandler naming, CorrectingClassification correcting) {
        this.board = board;
        this.work = work;
        this.naming = naming;
        this.correcting = correcting;
    }

    /**
     * {@code count}: the items in this answer (the page); {@code total}: the complaints the filter lets through (null
     * when a search {@code q} stopped once the page was full); {@code more}: whether a next page exists.
     */
    record Queue(String person, String department, String role, Instant at, int count, List<QueueItem> items,
            int page, int size, Integer total, Integer pages, boolean more) {
    }

    @GetMapping("/queue")
    Queue queue(Authentication auth, @RequestParam(required = false) Set<ComplaintStatus> status,
            @RequestParam(required = false) String building, @RequestParam(required = false) String category,
            @RequestParam(required = false) String q, @RequestParam(required = false) String department,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        Paging paging = Paging.of(page, size);
        StaffPerson person = StaffPerson.of(auth);
        Instant now = clock.instant();
        String handler = NamingHandler.ME.equals(assignee) ? person.id() : assignee;
        QueuePage listed = board.queue(person, new QueueFilter(status, building, category, q, department, handler),
                paging.page(), paging.size());
        List<QueueItem> items = listed.items().stream().map(c -> QueueItem.of(c, now)).toList();
        return new Queue(person.id(), person.department(), person.role().name(), now, items.size(), items,
                listed.page(), listed.size(), listed.total(), listed.pages(), listed.more());
    }

    @GetMapping("/complaints/{id}")
    ComplaintDetail complaint(Authentication auth, @PathVariable String id) {
        return ComplaintDetail.of(work.view(StaffPerson.of(auth), id), clock.instant());
    }

    @PostMapping("/complaints/{id}/acknowledge")
    Done acknowledge(Authentication auth, @PathVariable String id, @RequestHeader(name = KEY, required = false) String key) {
        return work.acknowledge(StaffPerson.of(auth), id, key);
    }

    /** {@code visibleToResident}: a public note, mailed to the resident; default internal. */
    record Note(@NotBlank @Size(max = 4000) String text, Boolean visibleToResident) {
    }

    @PostMapping("/complaints/{id}/notes")
    Done note(Authentication auth, @PathVariable String id, @Valid @RequestBody Note note,
            @RequestHeader(name = KEY, required = false) String key) {
        return work.note(StaffPerson.of(auth), id, note.text(), Boolean.TRUE.equals(note.visibleToResident()), key);
    }

    record InformationRequest(@NotBlank @Size(max = 2000) String question) {
    }

    @PostMapping("/complaints/{id}/information-requests")
    Done requestInformation(Authentication auth, @PathVariable String id, @Valid @RequestBody InformationRequest request,
            @RequestHeader(name = KEY, required = false) String key) {
        return work.requestInformation(StaffPerson.of(auth), id, request.question(), key);
    }

    record Resolution(@NotBlank @Size(max = 4000) String text) {
    }

    @PostMapping("/complaints/{id}/resolution")
    Done resolve(Authentication auth, @PathVariable String id, @Valid @RequestBody Resolution resolution,
            @RequestHeader(name = KEY, required = false) String key) {
        return work.resolve(StaffPerson.of(auth), id, resolution.text(), key);
    }

    record Reassignment(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,30}") String toDepartment,
            @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/complaints/{id}/reassignment")
    Done reassign(Authentication auth, @PathVariable String id, @Valid @RequestBody Reassignment reassignment,
            @RequestHeader(name = KEY, required = false) String key) {
        return work.reassign(StaffPerson.of(auth), id, reassignment.toDepartment(), reassignment.reason(), key);
    }

    record Duplicate(@NotBlank String master, Boolean merged) {
    }

    @PostMapping("/complaints/{id}/duplicate")
    Done duplicate(Authentication auth, @PathVariable String id, @Valid @RequestBody Duplicate duplicate,
            @RequestHeader(name = KEY, required = false) String key) {
        return work.linkDuplicate(StaffPerson.of(auth), id, duplicate.master(), Boolean.TRUE.equals(duplicate.merged()), key);
    }

    record Reopening(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/complaints/{id}/reopen")
    Done reopen(Authentication auth, @PathVariable String id, @Valid @RequestBody Reopening reopening,
            @RequestHeader(name = KEY, required = false) String key) {
        return work.reopen(StaffPerson.of(auth), id, reopening.reason(), key);
    }

    /** {@code person}: a user name of the complaint's department, or {@code me}. */
    record Assignee(@NotBlank @Size(max = 100) String person) {
    }

    @PostMapping("/complaints/{id}/assignee")
    Done assignee(Authentication auth, @PathVariable String id, @Valid @RequestBody Assignee assignee,
            @RequestHeader(name = KEY, required = false) String key) {
        return naming.name(StaffPerson.of(auth), id, assignee.person(), key);
    }

    /** Either may be left out (kept as it is); SUPERVISOR/MANAGER. */
    record Classification(@Pattern(regexp = "[a-z][a-z0-9-]{1,30}") String category, Urgency urgency,
            @Size(max = 2000) String reason) {
    }

    @PostMapping("/complaints/{id}/classification")
    Done classification(Authentication auth, @PathVariable String id, @Valid @RequestBody Classification correction,
            @RequestHeader(name = KEY, required = false) String key) {
        return correcting.correct(StaffPerson.of(auth), id, correction.category(), correction.urgency(),
                correction.reason(), key);
    }

    record Escalation(@NotNull ComplaintEscalated.Level level, @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/complaints/{id}/escalation")
    Done escalate(Authentication auth, @PathVariable String id, @Valid @RequestBody Escalation escalation,
            @RequestHeader(name = KEY, required = false) String key) {
        return work.escalate(StaffPerson.of(auth), id, escalation.level(), escalation.reason(), key);
    }
}
