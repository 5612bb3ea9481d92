package io.hearken.router.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SLA clock on the shipped State Council calendars: holidays off, make-up Saturdays worked, other years plain. */
class SlaCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final HolidayCalendar SHIPPED = HolidayCalendar.of(List.of(shipped(2025), shipped(2026)));

    /** 9:00–18:00 Monday to Friday: 9 working hours a day. */
    private final BusinessCalendar office = BusinessCalendar.office(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of()).withYears(SHIPPED);

    static HolidayYear shipped(int year) {
        String name = "io/hearken/router/sla/calendar/" + year + ".yml";
        try (InputStream in = SlaCalendarTest.class.getClassLoader().getResourceAsStream(name)) {
            return HolidayFile.read(in, "classpath:" + name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
    }

    @Test
    void aDeadlineCrossingNationalDayResumesAfterTheWeekAndCountsTheMakeUpSaturday() {
        SlaPolicy policy = SlaConfig.defaults().withHolidays(SHIPPED);
        // Low urgency: 27 working hours. Wednesday 30 Sep 2026 17:00: 1 h, then 国庆节 1–7 Oct is off,
        // Thursday 8 and Friday 9 Oct 9 h each, Saturday 10 Oct is a make-up working day (调休): 8 h → 17:00.
        SlaTimer low = SlaTimer.start(at("2026-09-30T17:00"), policy.target("facility", Urgency.LOW), policy);
        assertThat(low.firstResponseDue()).isEqualTo(at("2026-10-10T17:00"));
        // Without the year's file the week decides: Thursday 1 Oct counts and the Saturday does not.
        BusinessCalendar plain = BusinessCalendar.office(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
        assertThat(plain.add(at("2026-09-30T17:00"), Duration.ofHours(27))).isEqualTo(at("2026-10-05T17:00"));
    }

    @Test
    void makeUpDaysAreOpenAndHolidaysClosed() {
        assertThat(office.isOpen(at("2026-10-10T10:00"))).as("调休 Saturday").isTrue();
        assertThat(office.isOpen(at("2026-10-17T10:00"))).as("ordinary Saturday").isFalse();
        assertThat(office.isOpen(at("2026-10-08T10:00"))).as("Thursday after National Day").isTrue();
        assertThat(office.isOpen(at("2026-10-05T10:00"))).as("National Day Monday").isFalse();
        assertThat(office.isOpen(at("2026-02-23T10:00"))).as("last day of Spring Festival, a Monday").isFalse();
        assertThat(office.isOpen(at("2026-02-14T10:00"))).as("Spring Festival make-up Saturday").isTrue();
        assertThat(office.isOpen(at("2026-01-04T10:00"))).as("New Year make-up Sunday").isTrue();
        assertThat(office.isOpen(at("2025-10-11T10:00"))).as("2025 National Day make-up Saturday").isTrue();
        assertThat(office.isOpen(at("2025-10-08T10:00"))).as("2025 National Day and Mid-Autumn, 8 days").isFalse();
        // Working time across the holiday: Friday 2 Oct → Thursday 8 Oct 10:00 is one hour.
        assertThat(office.between(at("2026-10-02T09:00"), at("2026-10-08T10:00"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDeadlineCrossingIntoAYearWithoutAFileCountsPlainWeeks() {
        // Thursday 31 Dec 2026 17:00 + 10 working hours: 1 h, then 2027 has no file: Friday 1 Jan is an ordinary
        // working day (9 h) → 18:00 (with a 2027 file listing 元旦 it would move on to Monday).
        assertThat(office.add(at("2026-12-31T17:00"), Duration.ofHours(10))).isEqualTo(at("2027-01-01T18:00"));
        assertThat(office.add(at("2027-01-01T17:00"), Duration.ofHours(2))).isEqualTo(at("2027-01-04T10:00"));
        HolidayYear newYear2027 = new HolidayYear(2027, "test", null, HolidayYear.SATURDAY_SUNDAY,
                Map.of(LocalDate.of(2027, 1, 1), new HolidayYear.Name("元旦", "New Year's Day")), Map.of());
        BusinessCalendar with2027 = office.withYears(SHIPPED.overriddenBy(List.of(newYear2027)));
        assertThat(with2027.add(at("2026-12-31T17:00"), Duration.ofHours(10))).isEqualTo(at("2027-01-04T18:00"));
    }

    @Test
    void theOfficesOwnClosingDaysWinOverAMakeUpDay() {
        BusinessCalendar closed = BusinessCalendar.office(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 10, 10))).withYears(SHIPPED);
        assertThat(closed.isOpen(at("2026-10-10T10:00"))).isFalse();
        assertThat(BusinessCalendar.ALWAYS.withYears(SHIPPED)).isSameAs(BusinessCalendar.ALWAYS);
    }

    @Test
    void theShippedFilesHoldTheStateCouncilNotices() {
        HolidayYear y2025 = SHIPPED.year(2025);
        HolidayYear y2026 = SHIPPED.year(2026);
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
        assertThat(y2025.holidays()).hasSize(28);
        assertThat(y2026.holidays()).hasSize(33);
        assertThat(y2025.makeUpDays().keySet()).containsExactlyInAnyOrder(LocalDate.of(2025, 1, 26),
                LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27), LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
        assertThat(y2026.makeUpDays().keySet()).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 4),
                LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 10, 10));
        assertThat(y2026.holidays().get(LocalDate.of(2026, 9, 25))).isEqualTo(new HolidayYear.Name("中秋节", "Mid-Autumn Festival"));
        assertThat(y2026.source()).isEqualTo("国办发明电〔2025〕7号");
        assertThat(y2025.source()).isEqualTo("国办发明电〔2024〕12号");
    }

    @Test
    void theNextYearIsMissingOnlyFromTheConfiguredDay() {
        MonthDay october = MonthDay.of(10, 1);
        assertThat(SHIPPED.missing(LocalDate.of(2026, 9, 30), october)).isEmpty();
        assertThat(SHIPPED.missing(LocalDate.of(2026, 10, 1), october)).containsExactly(2027);
        assertThat(SHIPPED.missing(LocalDate.of(2025, 12, 6), october)).isEmpty();
        assertThat(SHIPPED.missing(LocalDate.of(2027, 3, 1), october)).containsExactly(2027);
        assertThat(SHIPPED.missing(LocalDate.of(2027, 11, 1), october)).containsExactly(2027, 2028);
    }
}
