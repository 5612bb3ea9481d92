package io.hearken.analytics.dashboard;

import static io.hearken.analytics.dashboard.Json.avg;
import static io.hearken.analytics.dashboard.Json.obj;
import static io.hearken.analytics.dashboard.Json.term;
import static io.hearken.analytics.dashboard.Json.terms;

import io.hearken.readmodel.Indices;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The built-in dashboard's numbers: one aggregation request over {@code complaints}, shaped for the
 * charts (labels and series). The same measures as the Kibana visualisations.
 */
@Component("analyticsDashboardQueries")
public class DashboardQueries {

    private final ElasticsearchQueries es;
    private final java.time.Clock clock = java.time.Clock.systemUTC();

    DashboardQueries(ElasticsearchQueries es) {
        this.es = es;
    }

    public Map<String, Object> dashboard(AnalyticsFilter filter, ZoneId zone) {
        Map<String, Object> histogram = obj("field", "receivedAt", "calendar_interval", filter.interval(),
                "time_zone", zone.getId(), "format", "yyyy-MM-dd", "min_doc_count", 0,
                "extended_bounds", obj("min", filter.from().toString(), "max", filter.to().toString()));
        Map<String, Object> aggs = obj(
                "volume", obj("date_histogram", histogram, "aggs", obj("category", terms("category", 12))),
                "trend", obj("date_histogram", histogram, "aggs", obj(
                        "satisfaction", avg("satisfaction"),
                        "escalations", obj("sum", obj("field", "escalations")),
                        "angry", obj("filter", term("sentiment", "ANGRY")),
                        "distressed", obj("filter", term("sentiment", "DISTRESSED")))),
                "channel", terms("channel", 10),
                "customerType", terms("customerType", 10),
                "sentiment", terms("sentiment", 5),
                "building", terms("building", 15),
                "category", terms("category", 20),
                "status", terms("status", 10),
                "departments", obj("terms", obj("field", "department", "size", 20), "aggs", obj(
                        "met", obj("filter", term("slaStatus", "MET")),
                        "breached", obj("filter", term("slaStatus", "BREACHED")),
                        "firstResponse", avg("firstResponseMinutes"),
                        "resolution", avg("resolutionMinutes"),
                        "escalations", obj("sum", obj("field", "escalations")))),
                "backlog", obj("filter", term("open", true), "aggs", obj("department", terms("department", 20))),
                "repeats", obj("filter", term("repeat", true), "aggs", obj("building", terms("building", 10))),
                "compliance", avg("slaMet"),
                "firstResponse", avg("firstResponseMinutes"),
                "resolution", avg("resolutionMinutes"),
                "satisfaction", avg("satisfaction"),
                "escalations", obj("sum", obj("field", "escalations")));
        aggs.putAll(StaffKpis.aggs(clock.instant()));
        JsonNode response = es.search(Indices.COMPLAINTS, obj("size", 0, "track_total_hits", true,
                "query", filter.query(zone), "aggs", aggs));
        JsonNode a = response.path("aggregations");

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", filter.from().toString());
        out.put("to", filter.to().toString());
        out.put("interval", filter.interval());
        out.put("total", response.path("hits").path("total").path("value").asLong(0));
        out.put("open", a.path("backlog").path("doc_count").asLong(0));
        out.put("repeats", a.path("repeats").path("doc_count").asLong(0));
        out.put("slaCompliance", percent(a.path("compliance")));
        out.put("meanFirstResponseMinutes", value(a.path("firstResponse")));
        out.put("meanResolutionMinutes", value(a.path("resolution")));
        out.put("meanSatisfaction", round(value(a.path("satisfaction"))));
        out.put("escalations", (long) a.path("escalations").path("value").asDouble(0));
        out.put("volume", stacked(a.path("volume"), "category"));
        out.put("trend", trend(a.path("trend")));
        out.put("channel", counts(a.path("channel")));
        out.put("customerType", counts(a.path("customerType")));
        out.put("sentiment", counts(a.path("sentiment")));
        out.put("building", counts(a.path("building")));
        out.put("category", counts(a.path("category")));
        out.put("status", counts(a.path("status")));
        out.put("backlog", counts(a.path("backlog").path("department")));
        out.put("repeatLocations", counts(a.path("repeats").path("building")));
        List<Map<String, Object>> departments = new ArrayList<>();
        for (JsonNode b : a.path("departments").path("buckets")) {
            departments.add(obj("key", b.path("key").asString(), "count", b.path("doc_count").asLong(),
                    "met", b.path("met").path("doc_count").asLong(),
                    "breached", b.path("breached").path("doc_count").asLong(),
                    "meanFirstResponseMinutes", value(b.path("firstResponse")),
                    "meanResolutionMinutes", value(b.path("resolution")),
                    "escalations", (long) b.path("escalations").path("value").asDouble(0)));
        }
        out.put("departments", departments);
        out.put("overdueReturnVisits", a.path("overdueVisits").path("doc_count").asLong(0));
        out.put("kpis", StaffKpis.read(a));
        return out;
    }

    static List<Map<String, Object>> counts(JsonNode terms) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode b : terms.path("buckets")) {
            rows.add(obj("key", b.path("key").asString(), "count", b.path("doc_count").asLong()));
        }
        return rows;
    }

    /** Date labels and one series per sub-bucket key (zeros where a day has none). */
    private static Map<String, Object> stacked(JsonNode histogram, String sub) {
        List<String> labels = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode b : histogram.path("buckets")) {
            labels.add(b.path("key_as_string").asString());
            b.path(sub).path("buckets").forEach(s -> keys.add(s.path("key").asString()));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (String key : keys) {
            List<Long> data = new ArrayList<>();
            for (JsonNode b : histogram.path("buckets")) {
                long n = 0;
                for (JsonNode s : b.path(sub).path("buckets")) {
                    if (key.equals(s.path("key").asString())) {
                        n = s.path("doc_count").asLong();
                    }
                }
                data.add(n);
            }
            series.add(obj("name", key, "data", data));
        }
        return obj("labels", labels, "series", series);
    }

    private static Map<String, Object> trend(JsonNode histogram) {
        List<String> labels = new ArrayList<>();
        List<Object> satisfaction = new ArrayList<>();
        List<Long> escalations = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Long> angry = new ArrayList<>();
        List<Long> distressed = new ArrayList<>();
        for (JsonNode b : histogram.path("buckets")) {
            labels.add(b.path("key_as_string").asString());
            satisfaction.add(round(value(b.path("satisfaction"))));
            escalations.add((long) b.path("escalations").path("value").asDouble(0));
            counts.add(b.path("doc_count").asLong());
            angry.add(b.path("angry").path("doc_count").asLong());
            distressed.add(b.path("distressed").path("doc_count").asLong());
        }
        return obj("labels", labels, "satisfaction", satisfaction, "escalations", escalations, "count", counts,
                "angry", angry, "distressed", distressed);
    }

    static Double value(JsonNode metric) {
        JsonNode v = metric.path("value");
        return v.isNumber() ? v.asDouble() : null;
    }

    static Double percent(JsonNode metric) {
        Double v = value(metric);
        return v == null ? null : Math.round(v * 1000) / 10.0;
    }

    static Double round(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }

}
