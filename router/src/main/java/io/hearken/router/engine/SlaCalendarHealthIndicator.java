package io.hearken.router.engine;

import io.hearken.router.sla.HolidayCalendar;
import io.hearken.router.sla.HolidayYear;
import io.hearken.router.sla.SlaPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code slaCalendar} in {@code /actuator/health}: the holiday years loaded. Always UP (a missing file only
 * makes deadlines ignore that year's holidays); a {@code warning} detail names a missing current year and, from
 * {@code next-year-from}, a missing next year.
 */
@Component("slaCalendarHealthIndicator")
@ConditionalOnClass(HealthIndicator.class)
class SlaCalendarHealthIndicator extends AbstractHealthIndicator {

    private final HolidayCalendar calendar;
    private final SlaPolicy policy;
    private final SlaCalendarProperties properties;
    private final Clock clock;

    SlaCalendarHealthIndicator(HolidayCalendar calendar, SlaPolicy policy, SlaCalendarProperties properties,
            @Qualifier("routerClock") Clock clock) {
        super("SLA calendar health check failed");
        this.calendar = calendar;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> years = new LinkedHashMap<>();
        calendar.years().forEach((year, file) -> years.put(String.valueOf(year), describe(file)));
        builder.up().withDetail("years", years)
                .withDetail("businessHours", !policy.calendar().alwaysOpen())
                .withDetail("zone", policy.calendar().zone().getId());
        LocalDate today = LocalDate.now(clock.withZone(policy.calendar().zone()));
        List<Integer> missing = calendar.missing(today, properties.nextYearFromDay());
        if (!missing.isEmpty()) {
            String list = missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
            builder.withDetail("missing", missing).withDetail("warning", "No SLA calendar file for " + list
                    + ": deadlines in that year count the office's plain week, without public holidays or make-up"
                    + " days (调休). Add <year>.yml to hearken.router.sla-calendar.dir once the State Council"
                    + " publishes the year's holiday notice (docs/router.md, \"SLA calendar\").");
        }
    }

    private static String describe(HolidayYear year) {
        return year.source() == null ? year.file() : year.file() + " (" + year.source() + ")";
    }
}
