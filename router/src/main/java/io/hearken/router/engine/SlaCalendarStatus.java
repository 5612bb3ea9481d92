package io.hearken.router.engine;

import io.hearken.router.sla.HolidayCalendar;
import io.hearken.router.sla.SlaPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The holiday years the SLA clock lacks today, in the calendar's zone: the current year, and from
 * {@code next-year-from} the next one. Shown by {@code slaCalendar} health, the gauge
 * {@code hearken_router_sla_calendar_missing_years} (health details are hidden outside the all-in-one) and a
 * warning in the log at start-up.
 */
@Component
class SlaCalendarStatus implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(SlaCalendarStatus.class);

    private final HolidayCalendar calendar;
    private final ZoneId zone;
    private final SlaCalendarProperties properties;
    private final Clock clock;

    SlaCalendarStatus(HolidayCalendar calendar, SlaPolicy policy, SlaCalendarProperties properties,
            @Qualifier("routerClock") Clock clock) {
        this.calendar = calendar;
        this.zone = policy.calendar().zone();
        this.properties = properties;
        this.clock = clock;
    }

    List<Integer> missing() {
        return calendar.missing(LocalDate.now(clock.withZone(zone)), properties.nextYearFromDay());
    }

    ZoneId zone() {
        return zone;
    }

    String warning(List<Integer> missing) {
        return "No SLA calendar file for " + missing.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                + ": deadlines in that year count the office's plain week, without public holidays or make-up days"
                + " (调休). Add <year>.yml to hearken.router.sla-calendar.dir once the State Council publishes the"
                + " year's holiday notice (docs/router.md, \"SLA calendar\").";
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("hearken.router.sla.calendar.missing.years", this, s -> s.missing().size())
                .description("Holiday years the SLA clock needs (this year; next year from next-year-from) without a file")
                .register(registry);
    }

    @EventListener
    void on(ApplicationReadyEvent ready) {
        List<Integer> missing = missing();
        if (!missing.isEmpty()) {
            log.warn(warning(missing));
        }
    }
}
