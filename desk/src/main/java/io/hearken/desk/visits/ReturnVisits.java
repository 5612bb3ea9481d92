package io.hearken.desk.visits;

import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.actions.Done;
import io.hearken.desk.actions.WorkingOnComplaints;
import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.ComplaintSummary;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.desk.board.QueueFilter;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.ReturnVisitRecorded;
import io.hearken.events.ReturnVisitRule;
import io.hearken.events.config.ReturnVisitProperties;
import io.hearken.staff.StaffPerson;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Return visits (回访): which complaints of the person's departments are owed one ({@link ReturnVisitRule} over the
 * complaint's events on the board, so a restarted desk knows it from {@code complaints.state}), and recording one:
 * a {@link ReturnVisitRecorded} on {@code complaints.updates}, and with {@code reopen} the desk's usual
 * {@link ComplaintReopened} after it. Idempotent like every desk action.
 */
@Service
public class ReturnVisits {

    /** What the resident reads as the reason of a reopening by a return visit (the staff's notes stay internal). */
    static final String REOPEN_REASON = "回访后重新处理 / reopened after a return visit";

    private final ComplaintBoard board;
    private final WorkingOnComplaints work;
    private final ReturnVisitRule rule;
    private final Clock clock = Clock.systemUTC();

    ReturnVisits(ComplaintBoard board, WorkingOnComplaints work, ReturnVisitProperties properties) {
        this.board = board;
        this.work = work;
        this.rule = properties.rule();
    }

    /** The visit the complaint is owed (or was owed last), or null when none ever was. */
    public ReturnVisitRule.Due due(DeskComplaint c) {
        return due(c.summary());
    }

    ReturnVisitRule.Due due(ComplaintSummary c) {
        return rule.due(c.satisfaction(), c.ratedAt(), c.resolvedAt(), c.open(), c.urgency(), c.category(),
                c.visitedAt());
    }

    /** The visits owed now by the person's departments (a manager: every department, or {@code department}). */
    public List<DueVisit> due(StaffPerson person, String department, boolean overdueOnly) {
        Instant now = clock.instant();
        QueueFilter all = new QueueFilter(EnumSet.allOf(ComplaintStatus.class), null, null, null, department, null);
        return board.ratedOrResolved(person, all).stream()
                .map(c -> {
                    ReturnVisitRule.Due due = due(c);
                    return due == null || !due.pending() ? null : DueVisit.of(c, due, now);
                })
                .filter(Objects::nonNull)
                .filter(v -> !overdueOnly || v.overdue())
                .sorted(Comparator.comparing(DueVisit::due).thenComparing(DueVisit::id))
                .toList();
    }

    /** What staff write down after the call. {@code satisfied} only counts when the resident was reached. */
    public record Outcome(boolean reached, Boolean satisfied, String notes, boolean reopen) {
    }

    /**
     * Records the visit. Allowed when one is owed, or on any resolved or closed complaint (a spot check); with
     * {@code reopen} only on a resolved or closed one. Staff of the complaint's department (and managers) only:
     * another department's complaint is 404 like everywhere at the desk.
     */
    public Done record(StaffPerson person, String id, Outcome outcome, String idempotencyKey) {
        String notes = outcome.notes() == null || outcome.notes().isBlank() ? null : outcome.notes().strip();
        Boolean satisfied = outcome.reached() ? outcome.satisfied() : null;
        Done visit = work.act(person, id, "return-visit", idempotencyKey, c -> {
            ReturnVisitRule.Due due = due(c);
            if (c.open() && (due == null || !due.pending())) {
                throw DeskProblem.conflict("problem.no-visit-due");
            }
            if (outcome.reopen() && c.open()) {
                throw DeskProblem.conflict("problem.not-resolved");
            }
        }, (eventId, at, by, c) -> new ReturnVisitRecorded(eventId, c.id(), at, by, outcome.reached(), satisfied,
                notes, outcome.reopen()));
        if (!outcome.reopen()) {
            return visit;
        }
        // The usual reopening (the router restarts the SLA clock, the notifier tells the resident), by the same
        // person: the resident's dissatisfaction reopens it, as a low rating does through the router.
        return work.act(person, id, "return-visit-reopen", idempotencyKey, c -> {
            if (c.open()) {
                throw DeskProblem.conflict("problem.not-resolved");
            }
        }, (eventId, at, by, c) -> new ComplaintReopened(eventId, c.id(), at, by, REOPEN_REASON));
    }

    public ReturnVisitRule rule() {
        return rule;
    }

    /** The board's view of one complaint for this person (404 as a problem otherwise). */
    DeskComplaint view(StaffPerson person, String id) {
        return work.view(person, id);
    }
}
