package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.router.sla.HolidayCalendar;
import io.hearken.router.sla.HolidayYear;
import io.hearken.router.sla.SlaConfig;
import io.hearken.router.sla.SlaPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** {@code slaCalendar} health: UP with the years loaded, a warning when this or (from October) next year's file is missing. */
class SlaCalendarHealthIndicatorTest {

    private static final HolidayCalendar YEARS = HolidayCalendar.of(List.of(year(2025), year(2026)));
    private static final SlaPolicy POLICY = SlaConfig.defaults().withHolidays(YEARS);

    private static HolidayYear year(int year) {
        return new HolidayYear(year, "classpath:io/hearken/router/sla/calendar/" + year + ".yml", "notice " + year,
                HolidayYear.SATURDAY_SUNDAY, Map.of(LocalDate.of(year, 1, 1), new HolidayYear.Name("元旦", null)), Map.of());
    }

    private static Health health(String instant, String nextYearFrom) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        SlaCalendarStatus status = new SlaCalendarStatus(YEARS, POLICY, new SlaCalendarProperties(null, nextYearFrom), clock);
        return new SlaCalendarHealthIndicator(YEARS, POLICY, status).health(true);
    }

    @Test
    void upWithTheYearsAndNoWarningBeforeOctober() {
        Health health = health("2026-09-30T12:00:00Z", "10-01");
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("years", Map.of(
                        "2025", "classpath:io/hearken/router/sla/calendar/2025.yml (notice 2025)",
                        "2026", "classpath:io/hearken/router/sla/calendar/2026.yml (notice 2026)"))
                .containsEntry("zone", "Asia/Shanghai").containsEntry("businessHours", true)
                .doesNotContainKeys("warning", "missing");
    }

    @Test
    void fromOctoberTheMissingNextYearIsAWarningWhileStillUp() {
        // 30 Sep 16:00 UTC is already 1 October in Shanghai, the calendar's zone.
        Health health = health("2026-09-30T16:00:00Z", "10-01");
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("missing", List.of(2027));
        assertThat((String) health.getDetails().get("warning")).startsWith("No SLA calendar file for 2027:")
                .contains("hearken.router.sla-calendar.dir");
        assertThat(health("2026-08-31T12:00:00Z", "08-15").getDetails()).containsEntry("missing", List.of(2027));
    }

    @Test
    void theGaugeCountsTheMissingYears() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        new SlaCalendarStatus(YEARS, POLICY, new SlaCalendarProperties(null, "10-01"),
                Clock.fixed(Instant.parse("2027-12-01T12:00:00Z"), ZoneOffset.UTC)).bindTo(registry);
        assertThat(registry.get("hearken.router.sla.calendar.missing.years").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void aCurrentYearWithoutAFileIsAWarningAllYear() {
        Health health = health("2027-02-01T12:00:00Z", "10-01");
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("missing", List.of(2027));
        assertThat(health("2027-12-01T12:00:00Z", "10-01").getDetails()).containsEntry("missing", List.of(2027, 2028));
    }
}
