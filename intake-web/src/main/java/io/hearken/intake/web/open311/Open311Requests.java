package io.hearken.intake.web.open311;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.hearken.analytics.indexing.Indices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The list query behind {@code GET requests.json}: the {@code complaints} alias, newest first. */
@Component
class Open311Requests {

    /** The fields of a {@code complaints} document that Open311 shows. */
    record Row(String id, String status, String channel, String category, String department, String building,
            String description, Instant receivedAt, Instant updatedAt, Instant resolutionDue,
            Map<String, Double> location) {
    }

    static final int MAX_ROWS = 1000;

    private final ElasticsearchClient client;

    Open311Requests(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * @param ids         tracking ids, or empty for all
     * @param categories  service codes, or empty for all
     * @param statuses    index statuses to include, or empty for all
     * @param channels    channels to include (the public feed lists Open311 requests only)
     * @param from        received from (with {@code to}; both null: no date filter)
     */
    List<Row> find(List<String> ids, List<String> categories, List<String> statuses, List<String> channels,
            Instant from, Instant to) {
        List<Query> filters = new ArrayList<>();
        if (from != null && to != null) {
            filters.add(Query.of(q -> q.range(r -> r.untyped(u -> u.field("receivedAt")
                    .gte(JsonData.of(from.toString())).lte(JsonData.of(to.toString()))))));
        }
        terms(filters, "id", ids);
        terms(filters, "category", categories);
        terms(filters, "status", statuses);
        terms(filters, "channel", channels);
        try {
            var response = client.search(s -> s.index(Indices.COMPLAINTS).size(MAX_ROWS)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Desc))), Row.class);
            return response.hits().hits().stream().map(h -> h.source()).filter(r -> r != null).toList();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of(); // nothing indexed yet
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
    }

    private static void terms(List<Query> filters, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)))));
        }
    }
}
