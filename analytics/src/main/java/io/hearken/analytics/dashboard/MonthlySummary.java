package io.hearken.analytics.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVPrinter;
import static io.hearken.analytics.dashboard.Json.avg;
import static io.hearken.analytics.dashboard.Json.list;
import static io.hearken.analytics.dashboard.Json.obj;
import static io.hearken.analytics.dashboard.Json.term;

import io.hearken.readmodel.Indices;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The monthly report offices hand to management: per category, department and building, the month's
 * complaints (by received date, office time zone) against the month before — count, SLA compliance
 * (share of complaints with an SLA outcome that met it), mean satisfaction and repeat complaints.
 */
@Component("analyticsMonthlySummary")
public class MonthlySummary {

    /** {@code handler}: the person named to handle the complaint (staff KPIs; "-" for none named). */
    public static final List<String> DIMENSIONS = List.of("category", "department", "handler", "channel", "building");
    private static final int MAX_KEYS = 200;

    private final ElasticsearchQueries es;
    private final java.time.Clock clock = java.time.Clock.systemUTC();

    MonthlySummary(ElasticsearchQueries es) {
        this.es = es;
    }

    /** One measure for this month and the month before; {@code staff}: the staff KPIs ({@link StaffKpis}). */
    public record Measure(long count, Double slaCompliance, Double satisfaction, long repeats, StaffKpis.Figures staff) {

        public Measure(long count, Double slaCompliance, Double satisfaction, long repeats) {
            this(count, slaCompliance, satisfaction, repeats, new StaffKpis.Figures(0, null, null, null, null, 0));
        }
    }

    /** {@code dimension} is "total" for the whole office. {@code change} is the count's change in percent. */
    public record Row(String dimension, String key, Measure current, Measure previous) {
        public Double change() {
            return previous.count() == 0 ? null
                    : Math.round((current.count() - previous.count()) * 1000.0 / previous.count()) / 10.0;
        }
    }

    public record Report(YearMonth month, YearMonth previousMonth, List<Row> rows) {
    }

    /** {@code departments}: the reader's, the report is limited to (empty: the whole office, for a manager). */
    public Report report(YearMonth month, ZoneId zone, Set<String> departments) {
        YearMonth previous = month.minusMonths(1);
        Map<String, Object> months = obj("date_range", obj("field", "receivedAt", "time_zone", zone.getId(),
                "format", "yyyy-MM-dd", "keyed", true, "ranges", list(
                        obj("key", "previous", "from", previous.atDay(1).toString(), "to", month.atDay(1).toString()),
                        obj("key", "current", "from", month.atDay(1).toString(),
                                "to", month.plusMonths(1).atDay(1).toString()))),
                "aggs", withKpis(obj("compliance", avg("slaMet"), "satisfaction", avg("satisfaction"),
                        "repeats", obj("filter", term("repeat", true)))));
        Map<String, Object> aggs = obj("total", months);
        for (String dimension : DIMENSIONS) {
            aggs.put(dimension, obj("terms", obj("field", dimension, "size", MAX_KEYS, "missing", "-"),
                    "aggs", obj("months", months)));
        }
        List<Object> filters = list(obj("range", obj("receivedAt", obj("gte", previous.atDay(1).toString(),
                "lt", month.plusMonths(1).atDay(1).toString(), "format", "yyyy-MM-dd", "time_zone", zone.getId()))));
        if (!departments.isEmpty()) {
            filters.add(AnalyticsFilter.within(departments));
        }
        Map<String, Object> query = obj("bool", obj("filter", filters));
        JsonNode a = es.search(Indices.COMPLAINTS, obj("size", 0, "query", query, "aggs", aggs)).path("aggregations");

        List<Row> rows = new ArrayList<>();
        rows.add(row("total", "all", a.path("total")));
        for (String dimension : DIMENSIONS) {
            for (JsonNode b : a.path(dimension).path("buckets")) {
                rows.add(row(dimension, b.path("key").asString(), b.path("months")));
            }
        }
        return new Report(month, previous, rows);
    }

    private Map<String, Object> withKpis(Map<String, Object> aggs) {
        aggs.putAll(StaffKpis.metrics(clock.instant()));
        return aggs;
    }

    private static Row row(String dimension, String key, JsonNode months) {
        return new Row(dimension, key, measure(months.path("buckets").path("current")),
                measure(months.path("buckets").path("previous")));
    }

    private static Measure measure(JsonNode bucket) {
        return new Measure(bucket.path("doc_count").asLong(0), DashboardQueries.percent(bucket.path("compliance")),
                DashboardQueries.round(DashboardQueries.value(bucket.path("satisfaction"))),
                bucket.path("repeats").path("doc_count").asLong(0), StaffKpis.Figures.of(bucket));
    }

    /** RFC 4180 CSV with a header; empty cells where a measure has no data. */
    public static String csv(Report report) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = SpreadsheetCsv.printer(out, "month", "dimension", "key", "count", "previous_count",
                "change_pct", "sla_compliance_pct", "previous_sla_compliance_pct", "satisfaction", "previous_satisfaction",
                "repeats", "previous_repeats", "handled", "previous_handled", "median_first_response_minutes",
                "previous_median_first_response_minutes", "reopen_rate_pct", "previous_reopen_rate_pct",
                "overdue_return_visits", "previous_overdue_return_visits")) {
            for (Row r : report.rows()) {
                Measure now = r.current();
                Measure before = r.previous();
                csv.printRecord(report.month(), SpreadsheetCsv.neutralised(r.dimension()),
                        SpreadsheetCsv.neutralised(r.key()), now.count(), before.count(), r.change(),
                        now.slaCompliance(), before.slaCompliance(), now.satisfaction(), before.satisfaction(),
                        now.repeats(), before.repeats(), now.staff().handled(), before.staff().handled(),
                        now.staff().medianFirstResponseMinutes(), before.staff().medianFirstResponseMinutes(),
                        now.staff().reopenRatePct(), before.staff().reopenRatePct(),
                        now.staff().overdueReturnVisits(), before.staff().overdueReturnVisits());
            }
        } catch (IOException cannot) {
            throw new UncheckedIOException(cannot);
        }
        return out.toString();
    }

    /** One text cell as the CSV has it: quoted where needed, a leading = + - @ neutralised. */
    static String cell(String s) {
        return SpreadsheetCsv.cell(s);
    }
}
