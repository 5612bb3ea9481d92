package io.hearken.analytics.dashboard;

import static io.hearken.analytics.dashboard.Json.list;
import static io.hearken.analytics.dashboard.Json.obj;
import static io.hearken.analytics.dashboard.Json.term;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's date range (received date, both days included, in the office's time zone) and facet
 * filters; blank filters are ignored. {@code departments}: the reader's departments the results are limited to
 * (empty: no limit, a manager); always applied, whatever the other filters say.
 */
public record AnalyticsFilter(LocalDate from, LocalDate to, String category, String department, String channel,
        String building, String status, Set<String> departments) {

    public AnalyticsFilter {
        departments = departments == null ? Set.of() : Set.copyOf(departments);
    }

    public static final int DEFAULT_DAYS = 30;

    public static AnalyticsFilter of(LocalDate from, LocalDate to, String category, String department,
            String channel, String building, String status, Set<String> departments, ZoneId zone) {
        LocalDate end = to != null ? to : LocalDate.now(zone);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("from must not be after to / 开始日期不能晚于结束日期");
        }
        return new AnalyticsFilter(start, end, blankToNull(category), blankToNull(department), blankToNull(channel),
                blankToNull(building), blankToNull(status), departments);
    }

    /** The bool query over the {@code complaints} index. */
    Map<String, Object> query(ZoneId zone) {
        List<Object> filters = list(obj("range", obj("receivedAt", obj(
                "gte", from.toString(), "lt", to.plusDays(1).toString(), "format", "yyyy-MM-dd",
                "time_zone", zone.getId()))));
        add(filters, "category", category);
        add(filters, "department", department);
        add(filters, "channel", channel);
        add(filters, "building", building);
        add(filters, "status", status);
        if (!departments.isEmpty()) {
            filters.add(within(departments));
        }
        return obj("bool", obj("filter", filters));
    }

    /** Only these departments' complaints. */
    static Map<String, Object> within(Set<String> departments) {
        return obj("terms", obj("department", List.copyOf(new java.util.TreeSet<>(departments))));
    }

    /** Day buckets for up to two months, weeks up to a year, months beyond. */
    String interval() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return days <= 62 ? "day" : days <= 366 ? "week" : "month";
    }

    private static void add(List<Object> filters, String field, String value) {
        if (value != null) {
            filters.add(term(field, value));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
