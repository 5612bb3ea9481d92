package io.hearken.analytics.dashboard;

import static io.hearken.analytics.dashboard.Json.avg;
import static io.hearken.analytics.dashboard.Json.list;
import static io.hearken.analytics.dashboard.Json.obj;
import static io.hearken.analytics.dashboard.Json.term;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Staff KPIs (issue #18, point 9), per department and per handler (the person named by {@code handler-assigned}):
 * handled (resolved or closed), median first response (a {@code percentiles} aggregation), SLA met, reopen rate
 * (reopened among those resolved at least once), mean satisfaction and overdue return visits. Aggregations only,
 * added to the caller's one request over {@code complaints}, so they obey the same query and department scope.
 */
public final class StaffKpis {

    static final int MAX_DEPARTMENTS = 50;
    static final int MAX_HANDLERS = 200;

    private StaffKpis() {
    }

    /** The figures of one bucket, for {@code now} (a visit is overdue once its due time has passed). */
    static Map<String, Object> metrics(Instant now) {
        return obj(
                "handled", obj("filter", term("open", false)),
                "firstResponseMedian", obj("percentiles", obj("field", "firstResponseMinutes", "percents", list(50))),
                "slaMet", avg("slaMet"),
                "resolvedOnce", obj("filter", obj("exists", obj("field", "resolvedAt"))),
                "reopened", obj("filter", obj("range", obj("reopens", obj("gte", 1)))),
                "kpiSatisfaction", avg("satisfaction"),
                "overdueVisits", overdueVisits(now));
    }

    /** Complaints whose return visit is still owed and past its due time. */
    static Map<String, Object> overdueVisits(Instant now) {
        return obj("filter", obj("bool", obj("filter", list(term("returnVisitPending", true),
                obj("range", obj("returnVisitDue", obj("lt", now.toString())))))));
    }

    /** Per department and per handler, under the caller's query. */
    static Map<String, Object> aggs(Instant now) {
        return obj(
                "kpiDepartments", obj("terms", obj("field", "department", "size", MAX_DEPARTMENTS),
                        "aggs", metrics(now)),
                "kpiHandlers", obj("terms", obj("field", "handler", "size", MAX_HANDLERS), "aggs", with(metrics(now),
                        "name", obj("terms", obj("field", "handlerName", "size", 1)),
                        "departments", obj("terms", obj("field", "department", "size", 10)))),
                "overdueVisits", overdueVisits(now));
    }

    /**
     * One row: {@code key} the department code or the handler's user name; {@code name} the handler's name (null for
     * a department); {@code departments} the departments of the handler's complaints counted here.
     */
    public record Row(String key, String name, List<String> departments, long complaints, long handled,
            Double medianFirstResponseMinutes, Double slaMetPct, Double reopenRatePct, Double satisfaction,
            long overdueReturnVisits) {
    }

    /** The figures of one bucket, without key (the monthly summary's measure). */
    public record Figures(long handled, Double medianFirstResponseMinutes, Double slaMetPct, Double reopenRatePct,
            Double satisfaction, long overdueReturnVisits) {

        static Figures of(JsonNode b) {
            long resolvedOnce = b.path("resolvedOnce").path("doc_count").asLong(0);
            long reopened = b.path("reopened").path("doc_count").asLong(0);
            JsonNode median = b.path("firstResponseMedian").path("values").path("50.0");
            return new Figures(b.path("handled").path("doc_count").asLong(0),
                    median.isNumber() ? Math.round(median.asDouble() * 10) / 10.0 : null,
                    DashboardQueries.percent(b.path("slaMet")),
                    resolvedOnce == 0 ? null : Math.round(reopened * 1000.0 / resolvedOnce) / 10.0,
                    DashboardQueries.round(DashboardQueries.value(b.path("kpiSatisfaction"))),
                    b.path("overdueVisits").path("doc_count").asLong(0));
        }
    }

    /** The dashboard's {@code kpis}: {@code departments} and {@code handlers}, each a list of {@link Row}. */
    static Map<String, Object> read(JsonNode aggregations) {
        List<Row> departments = new ArrayList<>();
        for (JsonNode b : aggregations.path("kpiDepartments").path("buckets")) {
            departments.add(row(b, null, List.of(b.path("key").asString())));
        }
        List<Row> handlers = new ArrayList<>();
        for (JsonNode b : aggregations.path("kpiHandlers").path("buckets")) {
            JsonNode names = b.path("name").path("buckets");
            List<String> of = new ArrayList<>();
            b.path("departments").path("buckets").forEach(d -> of.add(d.path("key").asString()));
            handlers.add(row(b, names.isEmpty() ? null : names.get(0).path("key").asString(), of));
        }
        return obj("departments", departments, "handlers", handlers);
    }

    private static Row row(JsonNode b, String name, List<String> departments) {
        Figures f = Figures.of(b);
        return new Row(b.path("key").asString(), name, departments, b.path("doc_count").asLong(), f.handled(),
                f.medianFirstResponseMinutes(), f.slaMetPct(), f.reopenRatePct(), f.satisfaction(),
                f.overdueReturnVisits());
    }

    private static Map<String, Object> with(Map<String, Object> map, Object... more) {
        map.putAll(obj(more));
        return map;
    }
}
