package io.hearken.router.engine;

import io.hearken.router.sla.HolidayCalendar;
import io.hearken.router.sla.HolidayYear;
import io.hearken.router.sla.SlaPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code slaCalendar} in {@code /actuator/health}: the holiday years loaded. Always UP (a missing file only
 * makes deadlines ignore that year's holidays, and must not fail a health check or readiness); a
 * {@code warning} detail, with the {@code missing} years, when {@link SlaCalendarStatus} finds a year lacking.
 */
@Component("slaCalendarHealthIndicator")
@ConditionalOnClass(HealthIndicator.class)
class SlaCalendarHealthIndicator extends AbstractHealthIndicator {

    private final HolidayCalendar calendar;
    private final SlaPolicy policy;
    private final SlaCalendarStatus status;

    SlaCalendarHealthIndicator(HolidayCalendar calendar, SlaPolicy policy, SlaCalendarStatus status) {
        super("SLA calendar health check failed");
        this.calendar = calendar;
        this.policy = policy;
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> years = new LinkedHashMap<>();
        calendar.years().forEach((year, file) -> years.put(String.valueOf(year), describe(file)));
        builder.up().withDetail("years", years)
                .withDetail("businessHours", !policy.calendar().alwaysOpen())
                .withDetail("zone", status.zone().getId());
        List<Integer> missing = status.missing();
        if (!missing.isEmpty()) {
            builder.withDetail("missing", missing).withDetail("warning", status.warning(missing));
        }
    }

    private static String describe(HolidayYear year) {
        return year.source() == null ? year.file() : year.file() + " (" + year.source() + ")";
    }
}
