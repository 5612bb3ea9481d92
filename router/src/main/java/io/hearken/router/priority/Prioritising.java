package io.hearken.router.priority;

import io.hearken.events.ResidentType;
import io.hearken.events.Sentiment;
import io.hearken.events.Urgency;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Priority P1 (most pressing) to P5 from {@code urgency × impact × history}: urgency 3 / 2 / 1
 * (urgent / normal / low); impact 1.5 when many people are affected (全楼, all residents, or at least
 * {@link #MANY_RELATED} complaints already linked to the same incident), else 1; history 1 + 0.25 per
 * earlier complaint from the same place or resident in the repeat window (at most 2); resident 1.25 when the
 * resident is distressed (a person in need or afraid) or is a business whose customers or trade are hit, else 1
 * (anger is shown in the reasons but weighs nothing: priority follows harm and need, not tone). The score maps
 * to P1 ≥ 4.5, P2 ≥ 2.5, P3 ≥ 1.75, P4 ≥ 1.25, else P5. Every factor is explained.
 * {@code manyAffected} (what may take a complaint to management) is the words alone: several
 * neighbours reporting one broken light raise its priority, not the manager's inbox.
 */
public final class Prioritising {

    public static final int MANY_RELATED = 2;

    private Prioritising() {
    }

    public record Priority(int level, double score, List<String> reasons, boolean manyAffected) {
    }

    /** What the router read about the resident: their sentiment (and its cues), customer type, business impact words. */
    public record Resident(Sentiment sentiment, List<String> distressCues, ResidentType customerType,
            List<String> businessImpact) {

        public static final Resident NOT_READ = new Resident(null, List.of(), null, List.of());

        public Resident {
            distressCues = distressCues == null ? List.of() : List.copyOf(distressCues);
            businessImpact = businessImpact == null ? List.of() : List.copyOf(businessImpact);
        }
    }

    public static final double RESIDENT_FACTOR = 1.25;

    public static Priority of(Urgency urgency, List<String> impactSignals, int relatedCount, int repeats) {
        return of(urgency, impactSignals, relatedCount, repeats, Resident.NOT_READ);
    }

    public static Priority of(Urgency urgency, List<String> impactSignals, int relatedCount, int repeats, Resident resident) {
        List<String> reasons = new ArrayList<>();
        double u = switch (urgency) {
            case URGENT -> 3;
            case NORMAL -> 2;
            case LOW -> 1;
        };
        reasons.add("urgency " + urgency.name().toLowerCase(Locale.ROOT) + " ×" + fmt(u));
        double impact = 1;
        boolean many = !impactSignals.isEmpty();
        if (!impactSignals.isEmpty()) {
            impact = 1.5;
            reasons.add("impact: many affected (" + String.join(", ", impactSignals) + ") ×1.5");
        } else if (relatedCount >= MANY_RELATED) {
            impact = 1.5;
            reasons.add("impact: " + relatedCount + " other complaints about the same incident ×1.5");
        } else {
            reasons.add("impact: single unit ×1");
        }
        double history = 1 + Math.min(4, repeats) * 0.25;
        if (repeats > 0) {
            reasons.add("history: repeat, " + repeats + " earlier complaint(s) in 30 days ×" + fmt(history));
        } else {
            reasons.add("history: none ×1");
        }
        double person = 1;
        if (resident.sentiment() == Sentiment.DISTRESSED) {
            person = RESIDENT_FACTOR;
            reasons.add("resident distressed" + (resident.distressCues().isEmpty() ? ""
                    : " ('" + String.join("', '", resident.distressCues()) + "')") + " ×" + fmt(RESIDENT_FACTOR));
        } else if (resident.sentiment() == Sentiment.ANGRY) {
            reasons.add("resident angry: shown, priority unchanged ×1");
        }
        if (resident.customerType() == ResidentType.BUSINESS && !resident.businessImpact().isEmpty()) {
            person = RESIDENT_FACTOR;
            reasons.add("business: customers or trade affected ('" + String.join("', '", resident.businessImpact()) + "') ×"
                    + fmt(RESIDENT_FACTOR));
        }
        double score = u * impact * history * person;
        int level = score >= 4.5 ? 1 : score >= 2.5 ? 2 : score >= 1.75 ? 3 : score >= 1.25 ? 4 : 5;
        reasons.add("score " + fmt(score) + " → P" + level);
        return new Priority(level, score, List.copyOf(reasons), many);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
