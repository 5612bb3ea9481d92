package io.hearken.analytics.lookup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.hearken.analytics.indexing.ComplaintDocument;
import io.hearken.analytics.indexing.Indices;
import io.hearken.events.ComplaintId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads one complaint's current state from the {@code complaints} index. */
@Component
public class ComplaintLookup {

    private final ElasticsearchClient client;

    ComplaintLookup(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * The public history of one complaint, oldest first, from the {@code complaint-events} index.
     * Walking skeleton: empty until the analytics issue indexes events.
     */
    public java.util.List<TimelineEntry> timeline(ComplaintId id) {
        return java.util.List.of();
    }

    public Optional<ComplaintView> find(ComplaintId id) {
        try {
            GetResponse<ComplaintDocument> response = client.get(g -> g.index(Indices.COMPLAINTS).id(id.value()),
                    ComplaintDocument.class);
            return Optional.ofNullable(response.found() ? response.source() : null).map(ComplaintDocument::view);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty(); // the index does not exist yet: nothing indexed so far
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable", e);
        }
    }
}
