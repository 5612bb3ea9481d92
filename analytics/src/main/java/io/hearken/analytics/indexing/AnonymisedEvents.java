package io.hearken.analytics.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.hearken.readmodel.Indices;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * The event documents of anonymised complaints lose their texts (the resident's words, a staff member's answer
 * quoting them, reasons). Read and written again rather than {@code _update_by_query}: the embedded node has neither
 * scripts nor the reindex module, and the documents of one complaint are few.
 */
final class AnonymisedEvents {

    private static final int PAGE = 500;
    private static final int MAX_ROUNDS = 1_000;

    private final ElasticsearchClient client;

    AnonymisedEvents(ElasticsearchClient client) {
        this.client = client;
    }

    /** Strips every event document of these complaints that still has a text; returns how many. */
    int strip(Collection<String> complaintIds) throws IOException {
        if (complaintIds.isEmpty()) {
            return 0;
        }
        List<FieldValue> ids = complaintIds.stream().map(FieldValue::of).toList();
        int stripped = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // The batch that carried the anonymisation was just written: make it visible to the search.
            client.indices().refresh(r -> r.index(Indices.EVENTS));
            List<Hit<EventDocument>> hits = client.search(s -> s.index(Indices.EVENTS).size(PAGE)
                    .query(q -> q.bool(b -> b.filter(f -> f.terms(t -> t.field("complaintId").terms(v -> v.value(ids))))
                            .should(h -> h.exists(e -> e.field("text")))
                            .should(h -> h.exists(e -> e.field("reason")))
                            .minimumShouldMatch("1"))), EventDocument.class).hits().hits();
            if (hits.isEmpty()) {
                return stripped;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Hit<EventDocument> hit : hits) {
                EventDocument without = hit.source().withoutTexts();
                bulk.operations(o -> o.index(i -> i.index(hit.index()).id(hit.id()).document(without)));
            }
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                throw new IndexingEvents.RetryLater("could not strip the texts of anonymised complaints: "
                        + response.items().stream().filter(i -> i.error() != null).findFirst()
                                .map(i -> i.error().reason()).orElse("?"), null);
            }
            stripped += hits.size();
        }
        throw new IndexingEvents.RetryLater("texts of anonymised complaints kept reappearing: " + complaintIds, null);
    }
}
