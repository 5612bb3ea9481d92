package io.hearken.desk.visits;

import io.hearken.desk.actions.Done;
import io.hearken.staff.StaffPerson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
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
 * {@code GET /api/v1/desk/return-visits}: the visits the person's departments owe (a manager: all, or
 * {@code ?department=}); {@code POST /api/v1/desk/complaints/{id}/return-visit}: the outcome of one. Problems as the
 * rest of the desk API (its advice covers this controller); an {@code Idempotency-Key} makes a retry publish nothing.
 */
@RestController
@RequestMapping("/api/v1/desk")
public class ReturnVisitApi {

    private final ReturnVisits visits;

    ReturnVisitApi(ReturnVisits visits) {
        this.visits = visits;
    }

    record Due(String person, Instant at, int count, long overdue, List<DueVisit> items) {
    }

    @GetMapping("/return-visits")
    Due due(Authentication auth, @RequestParam(required = false) String department,
            @RequestParam(defaultValue = "false") boolean overdue) {
        StaffPerson person = StaffPerson.of(auth);
        List<DueVisit> items = visits.due(person, department, overdue);
        return new Due(person.id(), Instant.now(), items.size(), items.stream().filter(DueVisit::overdue).count(),
                items);
    }

    /** {@code satisfied}: only when {@code reached}; {@code reopen}: reopens a resolved or closed complaint. */
    record Visit(@NotNull Boolean reached, Boolean satisfied, @Size(max = 4000) String notes, Boolean reopen) {
    }

    @PostMapping("/complaints/{id}/return-visit")
    Done record(Authentication auth, @PathVariable String id, @Valid @RequestBody Visit visit,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return visits.record(StaffPerson.of(auth), id, new ReturnVisits.Outcome(visit.reached(), visit.satisfied(),
                visit.notes(), Boolean.TRUE.equals(visit.reopen())), key);
    }
}
