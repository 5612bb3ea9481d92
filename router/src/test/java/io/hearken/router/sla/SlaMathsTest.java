package io.hearken.router.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.SlaClock;
import io.hearken.events.Urgency;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaMathsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final BusinessCalendar office = BusinessCalendar.office(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 10, 1)));

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
    }

    @Test
    void workingTimeSkipsNightsWeekendsAndHolidays() {
        // Friday 2026-11-20 17:00 + 2 working hours → Monday 10:00
        assertThat(office.add(at("2026-11-20T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-23T10:00"));
        // Saturday counts from Monday 09:00
        assertThat(office.add(at("2026-11-21T12:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-23T10:00"));
        // Wednesday 30 Sep 17:30 + 1 h: Thursday 1 Oct is a holiday → Friday 09:30
        assertThat(office.add(at("2026-09-30T17:30"), Duration.ofHours(1))).isEqualTo(at("2026-10-02T09:30"));
        assertThat(office.between(at("2026-11-20T17:00"), at("2026-11-23T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(office.isOpen(at("2026-11-23T08:59"))).isFalse();
        assertThat(office.isOpen(at("2026-11-23T09:00"))).isTrue();
        assertThat(BusinessCalendar.ALWAYS.add(at("2026-11-21T12:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-21T13:00"));
    }

    @Test
    void urgentIsOneHourRoundTheClockAndNormalTwentyFourHours() {
        SlaPolicy policy = SlaConfig.defaults();
        Instant saturdayNight = at("2026-11-21T23:30");
        SlaTimer urgent = SlaTimer.start(saturdayNight, policy.target("facility", Urgency.URGENT), policy);
        assertThat(urgent.firstResponseDue()).isEqualTo(saturdayNight.plus(Duration.ofHours(1)));
        assertThat(urgent.resolutionDue()).isEqualTo(saturdayNight.plus(Duration.ofHours(24)));
        SlaTimer normal = SlaTimer.start(saturdayNight, policy.target("facility", Urgency.NORMAL), policy);
        assertThat(normal.firstResponseDue()).isEqualTo(saturdayNight.plus(Duration.ofHours(24)));
        assertThat(policy.target("safety", Urgency.NORMAL).firstResponse()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void lowUrgencyCountsBusinessHoursOfTheShippedCalendar() {
        SlaPolicy policy = SlaConfig.defaults();
        SlaTimer low = SlaTimer.start(at("2026-11-20T17:00"), policy.target("other", Urgency.LOW), policy);
        // 27 working hours from Friday 17:00: 1 h Friday, 9 h Mon, 9 h Tue, 8 h Wed → Wednesday 17:00
        assertThat(low.firstResponseDue()).isEqualTo(at("2026-11-25T17:00"));
    }

    @Test
    void waitingOnTheResidentPausesTheClock() {
        SlaPolicy policy = SlaConfig.defaults();
        Instant t0 = Instant.parse("2026-11-23T02:00:00Z");
        SlaTimer timer = SlaTimer.start(t0, policy.target("facility", Urgency.NORMAL), policy).respond();
        SlaTimer paused = timer.pause(t0.plus(Duration.ofHours(2)));
        assertThat(paused.check(t0.plus(Duration.ofDays(30)))).as("no breach while paused").isNull();
        SlaTimer resumed = paused.resume(t0.plus(Duration.ofHours(5)), policy);
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.resolutionDue()).isEqualTo(timer.resolutionDue().plus(Duration.ofHours(3)));
        assertThat(resumed.firstResponseDue()).as("met deadlines stay").isEqualTo(timer.firstResponseDue());
    }

    @Test
    void pauseOnBusinessHoursShiftsByWorkingTimeOnly() {
        SlaPolicy policy = new SlaPolicy(Map.of(Urgency.NORMAL, new SlaPolicy.Target(Duration.ofHours(9), Duration.ofHours(45), true)),
                Map.of(), office, 0.8);
        SlaTimer timer = SlaTimer.start(at("2026-11-20T09:00"), policy.target("x", Urgency.NORMAL), policy);
        assertThat(timer.firstResponseDue()).isEqualTo(at("2026-11-20T18:00"));
        // paused Friday 17:00 → Monday 10:00 = 2 working hours
        SlaTimer resumed = timer.pause(at("2026-11-20T17:00")).resume(at("2026-11-23T10:00"), policy);
        assertThat(resumed.firstResponseDue()).isEqualTo(at("2026-11-23T11:00"));
    }

    @Test
    void warningAtEightyPercentThenBreachEachOnce() {
        SlaPolicy policy = SlaConfig.defaults();
        Instant t0 = Instant.parse("2026-11-23T02:00:00Z");
        SlaTimer timer = SlaTimer.start(t0, policy.target("facility", Urgency.URGENT), policy);
        assertThat(timer.check(t0.plus(Duration.ofMinutes(47)))).isNull();
        SlaTimer.Due warning = timer.check(t0.plus(Duration.ofMinutes(48)));
        assertThat(warning).isEqualTo(new SlaTimer.Due(SlaClock.FIRST_RESPONSE, false, t0.plus(Duration.ofHours(1))));
        timer = timer.fired(warning);
        assertThat(timer.check(t0.plus(Duration.ofMinutes(50)))).isNull();
        SlaTimer.Due breach = timer.check(t0.plus(Duration.ofMinutes(61)));
        assertThat(breach.breach()).isTrue();
        timer = timer.fired(breach);
        assertThat(timer.check(t0.plus(Duration.ofMinutes(62)))).isNull();
        assertThat(timer.respond().resolve().check(t0.plus(Duration.ofDays(3)))).isNull();
    }

    @Test
    void anSlaFileOverridesTheDefaults() {
        SlaPolicy policy = SlaConfig.load(new ByteArrayInputStream("""
                urgency:
                  urgent: {first-response: PT30M}
                categories:
                  noise:
                    normal: {first-response: PT2H, resolution: P1D}
                """.getBytes(StandardCharsets.UTF_8)), "test");
        assertThat(policy.target("facility", Urgency.URGENT).firstResponse()).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.target("facility", Urgency.URGENT).resolution()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.target("noise", Urgency.NORMAL).firstResponse()).isEqualTo(Duration.ofHours(2));
        assertThat(policy.calendar().alwaysOpen()).isTrue();
    }
}
