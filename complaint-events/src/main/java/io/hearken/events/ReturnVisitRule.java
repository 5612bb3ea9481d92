package io.hearken.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * When the office owes a resident a return visit (回访), {@code hearken.desk.return-visits.*}: after a rating of
 * {@code lowScore} or less (from the rating on), after the resolution of every urgent complaint ({@code urgent}) and
 * of every complaint of {@code categories}; due {@code dueWithin} after that. A visit recorded after the trigger
 * settles it. One rule, read by the desk (what is due) and analytics (the due time it indexes) from the same settings
 * ({@link io.hearken.events.config.ReturnVisitProperties}; docs/desk.md, "Return visits").
 *
 * @param lowScore   ratings up to this score (1–5) call for a visit; 0 turns it off
 * @param urgent     every urgent complaint is visited once resolved
 * @param dueWithin  how long after the trigger the visit is due
 * @param categories category codes whose complaints are all visited once resolved (empty: none)
 */
public record ReturnVisitRule(Integer lowScore, Boolean urgent, Duration dueWithin, Set<String> categories) {

    public static final ReturnVisitRule DEFAULT = new ReturnVisitRule(null, null, null, null);

    /** Why a visit is due. */
    public enum Reason { LOW_SCORE, URGENT, CATEGORY }

    public ReturnVisitRule {
        lowScore = lowScore == null ? 2 : lowScore;
        urgent = urgent == null || urgent;
        dueWithin = dueWithin == null ? Duration.ofDays(3) : dueWithin;
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        if (lowScore < 0 || lowScore > 5) {
            throw new IllegalArgumentException("hearken.desk.return-visits.low-score must be 0 to 5: " + lowScore);
        }
        if (dueWithin.isNegative() || dueWithin.isZero()) {
            throw new IllegalArgumentException("hearken.desk.return-visits.due-within must be positive: " + dueWithin);
        }
    }

    /**
     * What a complaint's state asks for. {@code score}/{@code scoredAt}: the resident's latest rating; {@code resolvedAt}:
     * the latest resolution, {@code open}: whether it is open now (a reopened complaint owes no visit for its
     * resolution, its next one will); {@code visitedAt}: the latest visit recorded. Null when no visit is owed or ever was.
     */
    public Due due(Integer score, Instant scoredAt, Instant resolvedAt, boolean open, Urgency urgency,
            String category, Instant visitedAt) {
        Instant trigger = null;
        Reason reason = null;
        if (score != null && scoredAt != null && score <= lowScore) {
            trigger = scoredAt;
            reason = Reason.LOW_SCORE;
        }
        boolean everyOne = urgent && urgency == Urgency.URGENT || category != null && categories.contains(category);
        if (everyOne && !open && resolvedAt != null && (trigger == null || resolvedAt.isAfter(trigger))) {
            trigger = resolvedAt;
            reason = urgent && urgency == Urgency.URGENT ? Reason.URGENT : Reason.CATEGORY;
        }
        if (trigger == null) {
            return null;
        }
        boolean pending = visitedAt == null || visitedAt.isBefore(trigger);
        return new Due(reason, trigger, trigger.plus(dueWithin), pending);
    }

    /**
     * A visit owed since {@code since}, due at {@code due}; {@code pending} until one is recorded after {@code since}.
     */
    public record Due(Reason reason, Instant since, Instant due, boolean pending) {

        public boolean overdue(Instant now) {
            return pending && now.isAfter(due);
        }
    }
}
