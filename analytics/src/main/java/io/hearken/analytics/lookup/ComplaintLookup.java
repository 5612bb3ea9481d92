package io.hearken.analytics.lookup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.hearken.analytics.indexing.ComplaintDocument;
import io.hearken.analytics.indexing.EventDocument;
import io.hearken.analytics.indexing.Indices;
import io.hearken.events.ComplaintId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads one complaint's current state and its public history from the read model. */
@Component("analyticsComplaintLookup")
public class ComplaintLookup {

    private static final int MAX_TIMELINE = 500;

    private final ElasticsearchClient client;

    ComplaintLookup(ElasticsearchClient client) {
        this.client = client;
    }

    /** The current state (realtime: a document written a moment ago is found), or empty if unknown. */
    public Optional<ComplaintView> find(ComplaintId id) {
        try {
            GetResponse<ComplaintDocument> response = client.get(g -> g.index(Indices.COMPLAINTS).id(id.value()),
                    ComplaintDocument.class);
            return Optional.ofNullable(response.found() ? response.source() : null)
                    .filter(doc -> doc.receivedAt != null || doc.department != null) // not only notifications yet
                    .map(ComplaintDocument::view);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty(); // the index does not exist yet: nothing indexed so far
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
    }

    /**
     * The public history of one complaint, oldest first, from the {@code complaint-events} index: only
     * entries the resident may see (never internal notes, escalations, SLA alerts or mail records).
     * Near-real-time: an event appears within the index refresh interval (1 s) after it was indexed.
     */
    public List<TimelineEntry> timeline(ComplaintId id) {
        try {
            SearchResponse<EventDocument> response = client.search(s -> s.index(Indices.EVENTS)
                    .size(MAX_TIMELINE)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("complaintId").value(id.value())))
                            .filter(f -> f.term(t -> t.field("public").value(true)))))
                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc))), EventDocument.class);
            return response.hits().hits().stream().map(h -> h.source()).filter(Objects::nonNull)
                    .map(e -> new TimelineEntry(e.eventId(), e.type(), e.at(), e.status(), e.text(), e.department()))
                    .toList();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
    }
}
