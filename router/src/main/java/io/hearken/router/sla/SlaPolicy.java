package io.hearken.router.sla;

import io.hearken.events.Urgency;
import java.time.Duration;
import java.util.Map;

/**
 * Deadlines per urgency, optionally per category: first response and resolution, counted on the
 * office calendar when {@code businessHours} is set (urgent ones run round the clock by default).
 */
public record SlaPolicy(Map<Urgency, Target> byUrgency, Map<String, Map<Urgency, Target>> byCategory,
        BusinessCalendar calendar, double warnAt) {

    public record Target(Duration firstResponse, Duration resolution, boolean businessHours) {
    }

    /** Urgent: first response 1 h, resolved in 24 h, round the clock; normal: 24 h / 5 days; low: 3 / 10 days. */
    public static SlaPolicy defaults() {
        return new SlaPolicy(Map.of(
                Urgency.URGENT, new Target(Duration.ofHours(1), Duration.ofHours(24), false),
                Urgency.NORMAL, new Target(Duration.ofHours(24), Duration.ofDays(5), false),
                Urgency.LOW, new Target(Duration.ofDays(3), Duration.ofDays(10), false)),
                Map.of(), BusinessCalendar.ALWAYS, 0.8);
    }

    public Target target(String category, Urgency urgency) {
        Map<Urgency, Target> special = byCategory.get(category);
        if (special != null && special.containsKey(urgency)) {
            return special.get(urgency);
        }
        return byUrgency.getOrDefault(urgency, byUrgency.get(Urgency.NORMAL));
    }

    /** This policy counting working time with the holiday years' public holidays and make-up days. */
    public SlaPolicy withHolidays(HolidayCalendar years) {
        return new SlaPolicy(byUrgency, byCategory, calendar.withYears(years), warnAt);
    }

    public BusinessCalendar calendarFor(Target target) {
        return target.businessHours() ? calendar : BusinessCalendar.ALWAYS;
    }
}
