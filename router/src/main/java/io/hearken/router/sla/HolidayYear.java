package io.hearken.router.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One year's public holidays and make-up working days (调休, weekend days that are worked), read from a
 * calendar file (format in docs/router.md). {@code weekend} is the country's usual rest days, against
 * which make-up days are checked.
 */
public record HolidayYear(int year, String file, String source, Set<DayOfWeek> weekend,
        Map<LocalDate, Name> holidays, Map<LocalDate, Name> makeUpDays) {

    public static final Set<DayOfWeek> SATURDAY_SUNDAY = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    public HolidayYear {
        weekend = Set.copyOf(weekend);
        holidays = Map.copyOf(holidays);
        makeUpDays = Map.copyOf(makeUpDays);
    }

    /** A day's name in Chinese and English (either may be missing, not both). */
    public record Name(String zh, String en) {

        @Override
        public String toString() {
            return zh == null ? en : en == null ? zh : zh + " / " + en;
        }
    }
}
