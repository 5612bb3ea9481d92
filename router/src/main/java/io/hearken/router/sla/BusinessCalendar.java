package io.hearken.router.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working time: which hours count towards a deadline. {@link #ALWAYS} counts every hour (urgent
 * complaints); an office calendar counts only {@code start}–{@code end} on working days, in its time zone.
 * A working day is never one of the office's own closing days ({@code holidays}); otherwise the year's
 * holiday file decides (a public holiday is off, a make-up day (调休) is worked) and else the office's week
 * ({@code days}). A year without a file has only the office's week and closing days.
 */
public final class BusinessCalendar {

    public static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneId.of("UTC"), null, null, Set.of(), Set.of(),
            HolidayCalendar.NONE);

    private final ZoneId zone;
    private final LocalTime start;
    private final LocalTime end;
    private final Set<DayOfWeek> days;
    private final Set<LocalDate> holidays;
    private final HolidayCalendar years;

    private BusinessCalendar(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days, Set<LocalDate> holidays,
            HolidayCalendar years) {
        this.zone = zone;
        this.start = start;
        this.end = end;
        this.days = days;
        this.holidays = holidays;
        this.years = years;
    }

    public static BusinessCalendar office(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days,
            Set<LocalDate> holidays) {
        if (!start.isBefore(end) || days.isEmpty()) {
            throw new IllegalArgumentException("business hours need start < end and at least one working day");
        }
        return new BusinessCalendar(zone, start, end, Set.copyOf(days), Set.copyOf(holidays), HolidayCalendar.NONE);
    }

    /** This calendar with the public holidays and make-up days of {@code years} (no effect when always open). */
    public BusinessCalendar withYears(HolidayCalendar years) {
        return alwaysOpen() ? this : new BusinessCalendar(zone, start, end, days, holidays, years);
    }

    public HolidayCalendar years() {
        return years;
    }

    public boolean alwaysOpen() {
        return start == null;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code true} when {@code at} is inside working hours (always for {@link #ALWAYS}). */
    public boolean isOpen(Instant at) {
        if (alwaysOpen()) {
            return true;
        }
        ZonedDateTime t = at.atZone(zone);
        return isWorkingDay(t.toLocalDate()) && !t.toLocalTime().isBefore(start) && t.toLocalTime().isBefore(end);
    }

    /** The instant when {@code amount} of working time has passed after {@code from}. */
    public Instant add(Instant from, Duration amount) {
        if (alwaysOpen()) {
            return from.plus(amount);
        }
        Duration left = amount;
        ZonedDateTime t = from.atZone(zone);
        for (int guard = 0; guard < 20_000; guard++) {
            LocalDate day = t.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime open = day.atTime(start).atZone(zone);
                ZonedDateTime close = day.atTime(end).atZone(zone);
                ZonedDateTime from0 = t.isBefore(open) ? open : t;
                if (from0.isBefore(close)) {
                    Duration available = Duration.between(from0, close);
                    if (available.compareTo(left) >= 0) {
                        return from0.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            t = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time found within 20,000 days");
    }

    /** Working time between two instants (zero if {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        ZonedDateTime t = from.atZone(zone);
        ZonedDateTime stop = to.atZone(zone);
        while (t.isBefore(stop)) {
            LocalDate day = t.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime open = day.atTime(start).atZone(zone);
                ZonedDateTime close = day.atTime(end).atZone(zone);
                ZonedDateTime a = t.isBefore(open) ? open : t;
                ZonedDateTime b = stop.isBefore(close) ? stop : close;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            t = day.plusDays(1).atStartOfDay(zone);
        }
        return total;
    }

    private boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        Boolean official = years.workingDay(day);
        return official != null ? official : days.contains(day.getDayOfWeek());
    }
}
