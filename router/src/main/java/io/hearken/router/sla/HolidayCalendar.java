package io.hearken.router.sla;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The holiday years the office has files for. A year without one counts as an ordinary year (the office's
 * working days, no public holidays); {@link #missing} says which years an operator should add.
 */
public final class HolidayCalendar {

    public static final HolidayCalendar NONE = new HolidayCalendar(new TreeMap<>());

    private final SortedMap<Integer, HolidayYear> years;

    private HolidayCalendar(SortedMap<Integer, HolidayYear> years) {
        this.years = Collections.unmodifiableSortedMap(years);
    }

    public static HolidayCalendar of(Collection<HolidayYear> years) {
        return NONE.overriddenBy(years);
    }

    /** This calendar with {@code others} added, each replacing a year this one already has. */
    public HolidayCalendar overriddenBy(Collection<HolidayYear> others) {
        SortedMap<Integer, HolidayYear> merged = new TreeMap<>(years);
        others.forEach(y -> merged.put(y.year(), y));
        return new HolidayCalendar(merged);
    }

    public SortedMap<Integer, HolidayYear> years() {
        return years;
    }

    /** The year's file, or null when there is none. */
    public HolidayYear year(int year) {
        return years.get(year);
    }

    /** {@code TRUE} for a make-up working day, {@code FALSE} for a holiday, null when the week decides. */
    public Boolean workingDay(LocalDate day) {
        HolidayYear year = years.get(day.getYear());
        if (year == null) {
            return null;
        }
        if (year.makeUpDays().containsKey(day)) {
            return Boolean.TRUE;
        }
        return year.holidays().containsKey(day) ? Boolean.FALSE : null;
    }

    /** The current year when it has no file and, from {@code nextYearFrom} on, the next year when it has none. */
    public List<Integer> missing(LocalDate today, MonthDay nextYearFrom) {
        List<Integer> out = new ArrayList<>();
        if (!years.containsKey(today.getYear())) {
            out.add(today.getYear());
        }
        if (!MonthDay.from(today).isBefore(nextYearFrom) && !years.containsKey(today.getYear() + 1)) {
            out.add(today.getYear() + 1);
        }
        return out;
    }
}
