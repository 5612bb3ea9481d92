package io.hearken.analytics.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.hearken.events.ClassificationCorrected;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Template version 7 maps {@code classificationCorrectedAt}, which the complaint documents of a corrected complaint
 * held in their source only (before, {@code "dynamic": false} kept it out of the index): such a document is found by
 * a query on the field only once it is written again. Rewrites exactly those documents, found through their
 * {@code classification-corrected} event documents (corrections are few; the history is not read), with optimistic
 * concurrency: one the indexer rewrote meanwhile (a 409) was indexed with the new mapping anyway. Read and written
 * again rather than {@code _update_by_query}: the embedded node has no reindex module ({@link AnonymisedEvents}).
 */
final class BackfillingCorrections {

    /** The template (and live mapping) version that first maps the field. */
    static final long MAPPED_SINCE = 7;

    private static final Logger log = LoggerFactory.getLogger(BackfillingCorrections.class);
    private static final int PAGE = 500;

    private final ElasticsearchClient client;

    BackfillingCorrections(ElasticsearchClient client) {
        this.client = client;
    }

    /** Rewrites the corrected complaints whose correction is not yet searchable; returns how many. */
    int run(String complaints, String events) throws IOException {
        int rewritten = 0;
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            List<Hit<JsonNode>> corrections = client.search(s -> {
                s.index(events).size(PAGE).ignoreUnavailable(true).allowNoIndices(true)
                        .query(q -> q.term(t -> t.field("type").value(ClassificationCorrected.TYPE)))
                        .source(src -> src.filter(f -> f.includes("complaintId")))
                        .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc)));
                return from == null ? s : s.searchAfter(from);
            }, JsonNode.class).hits().hits();
            if (corrections.isEmpty()) {
                break;
            }
            Set<String> ids = new LinkedHashSet<>();
            corrections.forEach(h -> ids.add(h.source().path("complaintId").asString()));
            rewritten += rewrite(complaints, List.copyOf(ids));
            after = corrections.get(corrections.size() - 1).sort();
            if (corrections.size() < PAGE) {
                break;
            }
        }
        log.info("Rewrote {} corrected complaint documents in {}, so their correction time is searchable", rewritten,
                complaints);
        return rewritten;
    }

    /** Those of the complaints whose correction time is in the source but not (yet) in the index. */
    private int rewrite(String complaints, List<String> ids) throws IOException {
        List<Hit<JsonNode>> unindexed = client.search(s -> s.index(complaints).size(ids.size()).seqNoPrimaryTerm(true)
                .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(ids)))
                        .mustNot(m -> m.exists(e -> e.field("classificationCorrectedAt"))))), JsonNode.class)
                .hits().hits();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        int operations = 0;
        for (Hit<JsonNode> hit : unindexed) {
            if (hit.source() == null || !hit.source().hasNonNull("classificationCorrectedAt")) {
                continue; // nothing to make searchable
            }
            bulk.operations(o -> o.index(i -> i.index(hit.index()).id(hit.id()).document(hit.source())
                    .ifSeqNo(hit.seqNo()).ifPrimaryTerm(hit.primaryTerm())));
            operations++;
        }
        if (operations == 0) {
            return 0;
        }
        BulkResponse response = client.bulk(bulk.build());
        int done = 0;
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                done++;
            } else if (item.status() != 409) {
                throw new IndexingEvents.RetryLater("could not rewrite complaint " + item.id() + ": "
                        + item.error().reason(), null);
            }
        }
        return done;
    }
}
