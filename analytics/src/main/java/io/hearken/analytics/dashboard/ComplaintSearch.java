package io.hearken.analytics.dashboard;

import static io.hearken.analytics.dashboard.Json.list;
import static io.hearken.analytics.dashboard.Json.obj;

import io.hearken.readmodel.Indices;
import io.hearken.events.ComplaintId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Full text over complaints for managers: Chinese words and English stems (smartcn: word segmentation,
 * lower case, Porter stemming), Chinese character pairs (cjk: finds what the segmenter splits otherwise),
 * and a tracking id typed in any form.
 * Personal data is not searchable: it is not in the index in clear.
 */
@Component("analyticsComplaintSearch")
public class ComplaintSearch {

    static final int PAGE_SIZE = 20;
    private static final List<Object> FIELDS = list("subject^2", "subject.cjk^2",
            "description", "description.cjk");

    private final ElasticsearchQueries es;

    ComplaintSearch(ElasticsearchQueries es) {
        this.es = es;
    }

    public record Hit(String id, String status, String category, String department, String building, String channel,
            String receivedAt, String subject, String snippet, Double score) {
    }

    public record Result(long total, int page, int pageSize, List<Hit> hits) {
    }

    @SuppressWarnings("unchecked")
    public Result search(String q, AnalyticsFilter filter, int page, ZoneId zone) {
        Map<String, Object> bool = (Map<String, Object>) filter.query(zone).get("bool");
        String text = q == null ? "" : q.strip();
        if (!text.isEmpty()) {
            List<Object> should = list(obj("multi_match", obj("query", text, "fields", FIELDS, "type", "most_fields")));
            if (ComplaintId.isValid(text)) {
                should.add(obj("term", obj("id", obj("value", ComplaintId.of(text).value(), "boost", 100))));
            }
            bool.put("should", should);
            bool.put("minimum_should_match", 1);
        }
        int from = Math.max(0, page) * PAGE_SIZE;
        JsonNode response = es.search(Indices.COMPLAINTS, obj("query", obj("bool", bool), "from", from,
                "size", PAGE_SIZE, "track_total_hits", true,
                "sort", list("_score", obj("receivedAt", obj("order", "desc", "unmapped_type", "date"))),
                "_source", list("id", "status", "category", "department", "building", "channel", "receivedAt",
                        "subject", "description"),
                "highlight", obj("pre_tags", list("<mark>"), "post_tags", list("</mark>"),
                        "encoder", "html", "fields", obj("description", obj(), "description.cjk", obj(),
                                "subject", obj()))));
        List<Hit> hits = new ArrayList<>();
        for (JsonNode h : response.path("hits").path("hits")) {
            JsonNode s = h.path("_source");
            hits.add(new Hit(s.path("id").asString(null), s.path("status").asString(null),
                    s.path("category").asString(null), s.path("department").asString(null),
                    s.path("building").asString(null), s.path("channel").asString(null),
                    s.path("receivedAt").asString(null), s.path("subject").asString(null),
                    snippet(h.path("highlight"), s.path("description").asString("")),
                    h.path("_score").isNumber() ? h.path("_score").asDouble() : null));
        }
        return new Result(response.path("hits").path("total").path("value").asLong(0), page, PAGE_SIZE, hits);
    }

    /** The first highlighted fragment (HTML-escaped by Elasticsearch, with {@code <mark>}), else the text's start. */
    private static String snippet(JsonNode highlight, String description) {
        for (String field : List.of("description", "description.cjk", "subject")) {
            JsonNode fragments = highlight.path(field);
            if (fragments.isArray() && !fragments.isEmpty()) {
                return fragments.get(0).asString();
            }
        }
        String plain = description.length() > 120 ? description.substring(0, 120) + "…" : description;
        return org.springframework.web.util.HtmlUtils.htmlEscape(plain);
    }

}
