package io.hearken.router.sla;

import io.hearken.events.SlaClock;
import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock of one complaint, as data (kept in the router's state store). Deadlines are absolute;
 * a pause (waiting on the resident) moves the open ones on by the working time it lasted.
 * {@code warned*}/{@code breached*} make each warning and breach fire once.
 */
public record SlaTimer(Instant firstResponseDue, Instant resolutionDue, Instant firstResponseWarnAt,
        Instant resolutionWarnAt, boolean businessHours, boolean responded, boolean resolved, Instant pausedSince,
        boolean warnedFirstResponse, boolean warnedResolution, boolean breachedFirstResponse,
        boolean breachedResolution) {

    public static SlaTimer start(Instant at, SlaPolicy.Target target, SlaPolicy policy) {
        BusinessCalendar calendar = policy.calendarFor(target);
        Instant first = calendar.add(at, target.firstResponse());
        Instant resolution = calendar.add(at, target.resolution());
        return new SlaTimer(first, resolution, warnAt(calendar, at, target.firstResponse(), policy.warnAt()),
                warnAt(calendar, at, target.resolution(), policy.warnAt()), target.businessHours(), false, false, null,
                false, false, false, false);
    }

    private static Instant warnAt(BusinessCalendar calendar, Instant at, Duration span, double fraction) {
        return calendar.add(at, Duration.ofMillis((long) (span.toMillis() * fraction)));
    }

    public boolean paused() {
        return pausedSince != null;
    }

    /** Open while something is still due. */
    public boolean open() {
        return !resolved;
    }

    public SlaTimer pause(Instant at) {
        return paused() || resolved ? this : withPausedSince(at);
    }

    /** Moves the unmet deadlines on by the working time the pause lasted. */
    public SlaTimer resume(Instant at, SlaPolicy policy) {
        if (!paused()) {
            return this;
        }
        BusinessCalendar calendar = businessHours ? policy.calendar() : BusinessCalendar.ALWAYS;
        Duration pause = calendar.between(pausedSince, at);
        return new SlaTimer(
                responded ? firstResponseDue : calendar.add(firstResponseDue, pause),
                calendar.add(resolutionDue, pause),
                responded ? firstResponseWarnAt : calendar.add(firstResponseWarnAt, pause),
                calendar.add(resolutionWarnAt, pause),
                businessHours, responded, resolved, null, warnedFirstResponse, warnedResolution,
                breachedFirstResponse, breachedResolution);
    }

    public SlaTimer respond() {
        return new SlaTimer(firstResponseDue, resolutionDue, firstResponseWarnAt, resolutionWarnAt, businessHours, true,
                resolved, pausedSince, warnedFirstResponse, warnedResolution, breachedFirstResponse, breachedResolution);
    }

    public SlaTimer resolve() {
        return new SlaTimer(firstResponseDue, resolutionDue, firstResponseWarnAt, resolutionWarnAt, businessHours, true,
                true, null, warnedFirstResponse, warnedResolution, breachedFirstResponse, breachedResolution);
    }

    /** A reopened complaint gets a fresh resolution deadline from now. */
    public SlaTimer reopen(Instant at, SlaPolicy.Target target, SlaPolicy policy) {
        BusinessCalendar calendar = policy.calendarFor(target);
        return new SlaTimer(firstResponseDue, calendar.add(at, target.resolution()), firstResponseWarnAt,
                warnAt(calendar, at, target.resolution(), policy.warnAt()), businessHours, true, false, null,
                warnedFirstResponse, false, breachedFirstResponse, false);
    }

    /** A re-routed complaint: the new department owes a first response from now; resolution stays. */
    public SlaTimer reassign(Instant at, SlaPolicy.Target target, SlaPolicy policy) {
        BusinessCalendar calendar = policy.calendarFor(target);
        return new SlaTimer(calendar.add(at, target.firstResponse()), resolutionDue,
                warnAt(calendar, at, target.firstResponse(), policy.warnAt()), resolutionWarnAt, businessHours, false,
                resolved, pausedSince, false, warnedResolution, false, breachedResolution);
    }

    /**
     * The category or urgency was corrected: the deadlines not yet met become those the new target gives from the
     * clock's start (the complaint's receipt), each with its own warning and breach again. A first response already
     * given keeps its deadline. Time spent waiting on the resident before is not credited again (a known limit).
     */
    public SlaTimer retarget(Instant start, SlaPolicy.Target target, SlaPolicy policy) {
        if (resolved) {
            return this;
        }
        BusinessCalendar calendar = policy.calendarFor(target);
        Instant first = responded ? firstResponseDue : calendar.add(start, target.firstResponse());
        Instant firstWarn = responded ? firstResponseWarnAt : warnAt(calendar, start, target.firstResponse(), policy.warnAt());
        return new SlaTimer(first, calendar.add(start, target.resolution()), firstWarn,
                warnAt(calendar, start, target.resolution(), policy.warnAt()), target.businessHours(), responded, false,
                pausedSince, responded && warnedFirstResponse, false, responded && breachedFirstResponse, false);
    }

    /** What the clock says at {@code now}: at most one thing per deadline, breaches before warnings. */
    public Due check(Instant now) {
        if (paused() || resolved) {
            return null;
        }
        if (!responded && !breachedFirstResponse && !now.isBefore(firstResponseDue)) {
            return new Due(SlaClock.FIRST_RESPONSE, true, firstResponseDue);
        }
        if (!breachedResolution && !now.isBefore(resolutionDue)) {
            return new Due(SlaClock.RESOLUTION, true, resolutionDue);
        }
        if (!responded && !warnedFirstResponse && !breachedFirstResponse && !now.isBefore(firstResponseWarnAt)) {
            return new Due(SlaClock.FIRST_RESPONSE, false, firstResponseDue);
        }
        if (!warnedResolution && !breachedResolution && !now.isBefore(resolutionWarnAt)) {
            return new Due(SlaClock.RESOLUTION, false, resolutionDue);
        }
        return null;
    }

    /** Marks a warning or breach as emitted. */
    public SlaTimer fired(Due due) {
        boolean first = due.clock() == SlaClock.FIRST_RESPONSE;
        return new SlaTimer(firstResponseDue, resolutionDue, firstResponseWarnAt, resolutionWarnAt, businessHours,
                responded, resolved, pausedSince,
                warnedFirstResponse || first, warnedResolution || !first,
                breachedFirstResponse || first && due.breach(), breachedResolution || !first && due.breach());
    }

    /** The next instant the clock must look at again, or null when nothing is pending. */
    public Instant nextCheck() {
        if (paused() || resolved) {
            return null;
        }
        Instant next = null;
        if (!responded && !breachedFirstResponse) {
            next = earliest(next, warnedFirstResponse ? firstResponseDue : firstResponseWarnAt);
        }
        if (!breachedResolution) {
            next = earliest(next, warnedResolution ? resolutionDue : resolutionWarnAt);
        }
        return next;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private SlaTimer withPausedSince(Instant at) {
        return new SlaTimer(firstResponseDue, resolutionDue, firstResponseWarnAt, resolutionWarnAt, businessHours,
                responded, resolved, at, warnedFirstResponse, warnedResolution, breachedFirstResponse, breachedResolution);
    }

    /** A warning ({@code breach = false}) or a breach of one deadline. */
    public record Due(SlaClock clock, boolean breach, Instant due) {
    }
}
