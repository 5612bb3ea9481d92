package io.hearken.readmodel;

import static io.hearken.readmodel.ReadModelUnavailable.orEmpty;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Public listings of complaints (the Open311 {@code requests} feed): filtered, newest first, bounded. */
public class ComplaintListing {

    public static final int MAX_ROWS = 1000;

    /** The fields of a {@code complaints} document that a public listing shows: nothing personal. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String id, String status, String channel, String category, String department, String building,
            String description, Instant receivedAt, Instant updatedAt, Instant resolutionDue,
            Map<String, Double> location) {
    }

    /**
     * What to list; empty lists mean "any".
     *
     * @param from received from (with {@code to}; both null: no date filter)
     */
    public record Filter(List<String> ids, List<String> categories, List<String> statuses, List<String> channels,
            Instant from, Instant to) {
    }

    private final ElasticsearchClient client;

    ComplaintListing(ElasticsearchClient client) {
        this.client = client;
    }

    public List<Row> find(Filter filter) {
        List<Query> filters = new ArrayList<>();
        if (filter.from() != null && filter.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.untyped(u -> u.field("receivedAt")
                    .gte(JsonData.of(filter.from().toString())).lte(JsonData.of(filter.to().toString()))))));
        }
        terms(filters, "id", filter.ids());
        terms(filters, "category", filter.categories());
        terms(filters, "status", filter.statuses());
        terms(filters, "channel", filter.channels());
        return orEmpty(() -> client.search(s -> s.index(Indices.COMPLAINTS).size(MAX_ROWS)
                        .query(q -> q.bool(b -> b.filter(filters)))
                        .sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Desc))), Row.class)
                .hits().hits().stream().map(h -> h.source()).filter(Objects::nonNull).toList(), List.of());
    }

    private static void terms(List<Query> filters, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)))));
        }
    }
}
