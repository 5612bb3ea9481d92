package io.hearken.analytics.dashboard;

import static io.hearken.analytics.dashboard.Json.list;
import static io.hearken.analytics.dashboard.Json.obj;
import static io.hearken.analytics.dashboard.Json.term;

import io.hearken.events.privacy.FreeTextMasking;
import io.hearken.readmodel.Indices;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The office's own history as a training set for {@code router.jar train}: one row per routed complaint,
 * {@code text,label,urgency,corrected} — the resident's words (subject and description, as the router read them,
 * personal data masked), the category and urgency as they stand after any supervisor's correction.
 * Left out: anonymised complaints (their words are gone), complaints without words, and those still waiting for
 * triage (their label is the model's own unsure guess, which no person confirmed). The query leaves them out (all
 * but the wordless), and with {@code corrected-only} the uncorrected too, so they are never read. Read page by page
 * with {@code search_after} on (receivedAt, id), so memory stays flat whatever the history's size.
 */
@Component("analyticsTrainingSet")
class ExportingTrainingSet {

    static final int PAGE = 500;

    private final ElasticsearchQueries es;
    private final int pageSize;

    @Autowired
    ExportingTrainingSet(ElasticsearchQueries es) {
        this(es, PAGE);
    }

    /** A smaller page, for tests of the paging. */
    ExportingTrainingSet(ElasticsearchQueries es, int pageSize) {
        this.es = es;
        this.pageSize = pageSize;
    }

    /** Received from {@code from} to {@code to} (days in the office's zone, both included; null: open). */
    record Options(LocalDate from, LocalDate to, boolean correctedOnly, ZoneId zone) {

        Options {
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("from must not be after to / 开始日期不能晚于结束日期");
            }
        }
    }

    /** The first page is read here, so an unreachable Elasticsearch fails before anything is written. */
    Cursor open(Options options) {
        return new Cursor(options, page(options, null));
    }

    /** Pages of hits, read as they are written. */
    final class Cursor {

        private final Options options;
        private JsonNode hits;

        private Cursor(Options options, JsonNode first) {
            this.options = options;
            this.hits = first;
        }

        /** Writes the header and every row; the number of rows written. */
        long writeTo(Writer out) throws IOException {
            CSVPrinter csv = SpreadsheetCsv.printer(out, "text", "label", "urgency", "corrected");
            long rows = 0;
            while (hits != null && hits.size() > 0) {
                for (JsonNode hit : hits) {
                    List<Object> row = row(hit.path("_source"));
                    if (row != null) {
                        csv.printRecord(row);
                        rows++;
                    }
                }
                JsonNode last = hits.get(hits.size() - 1).path("sort");
                csv.flush();
                hits = hits.size() < pageSize ? null : page(options, last);
            }
            return rows;
        }
    }

    /** One CSV row's cells, or null when the complaint is not a training example. */
    static List<Object> row(JsonNode doc) {
        boolean corrected = !doc.path("classificationCorrectedAt").isMissingNode()
                && !doc.path("classificationCorrectedAt").isNull();
        String label = text(doc, "category");
        String text = join(text(doc, "subject"), text(doc, "description"));
        if (label == null || text.isEmpty() || doc.path("anonymised").asBoolean(false)) {
            return null;
        }
        // Masked when indexed; again here for documents indexed before a pattern was added.
        return Arrays.asList(SpreadsheetCsv.neutralised(FreeTextMasking.mask(text)), SpreadsheetCsv.neutralised(label),
                SpreadsheetCsv.neutralised(text(doc, "urgency")), corrected);
    }

    private JsonNode page(Options options, JsonNode after) {
        List<Object> filters = list(obj("exists", obj("field", "routedAt")));
        if (options.correctedOnly()) {
            // Mapped since template version 7: Elasticsearch skips the uncorrected history.
            filters.add(obj("exists", obj("field", "classificationCorrectedAt")));
        }
        if (options.from() != null || options.to() != null) {
            Map<String, Object> range = obj("format", "yyyy-MM-dd", "time_zone", options.zone().getId());
            if (options.from() != null) {
                range.put("gte", options.from().toString());
            }
            if (options.to() != null) {
                range.put("lt", options.to().plusDays(1).toString());
            }
            filters.add(obj("range", obj("receivedAt", range)));
        }
        Map<String, Object> body = obj("size", pageSize, "track_total_hits", false,
                "query", obj("bool", obj("filter", filters,
                        "must_not", list(term("anonymised", true), term("needsTriage", true)))),
                "sort", list(obj("receivedAt", obj("order", "asc", "unmapped_type", "date")), obj("id", "asc")),
                "_source", list("subject", "description", "category", "urgency", "classificationCorrectedAt",
                        "anonymised"));
        if (after != null) {
            List<Object> values = new ArrayList<>();
            after.forEach(v -> values.add(v.isNumber() ? (Object) v.asLong() : v.asString()));
            body.put("search_after", values);
        }
        return es.search(Indices.COMPLAINTS, body).path("hits").path("hits");
    }

    /** As the router joins them before classifying ({@code RoutingNewComplaint.join}). */
    static String join(String subject, String description) {
        String s = subject == null ? "" : subject.strip();
        String d = description == null ? "" : description.strip();
        return s.isEmpty() ? d : d.isEmpty() ? s : s + "\n" + d;
    }

    private static String text(JsonNode doc, String field) {
        JsonNode v = doc.path(field);
        return v.isMissingNode() || v.isNull() || v.asString().isBlank() ? null : v.asString();
    }
}
