package io.hearken.readmodel;

import static io.hearken.readmodel.ReadModelUnavailable.orEmpty;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import io.hearken.events.ComplaintId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads one complaint's current state and its public history from the read model. */
public class ComplaintLookup {

    private static final int MAX_TIMELINE = 500;

    private final ElasticsearchClient client;

    ComplaintLookup(ElasticsearchClient client) {
        this.client = client;
    }

    /** The current state (realtime: a document written a moment ago is found), or empty if unknown. */
    public Optional<ComplaintView> find(ComplaintId id) {
        return orEmpty(() -> {
            var response = client.get(g -> g.index(Indices.COMPLAINTS).id(id.value()), IndexedComplaint.class);
            return Optional.ofNullable(response.found() ? response.source() : null)
                    .filter(IndexedComplaint::isComplaint)
                    .map(doc -> doc.view(id.value()));
        }, Optional.empty());
    }

    /**
     * The public history of one complaint, oldest first, from the {@code complaint-events} index: only
     * entries the resident may see (never internal notes, escalations, SLA alerts or mail records).
     * Near-real-time: an event appears within the index refresh interval (1 s) after it was indexed.
     */
    public List<TimelineEntry> timeline(ComplaintId id) {
        return orEmpty(() -> client.search(s -> s.index(Indices.EVENTS)
                        .size(MAX_TIMELINE)
                        .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("complaintId").value(id.value())))
                                .filter(f -> f.term(t -> t.field("public").value(true)))))
                        .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc))), TimelineEntry.class)
                .hits().hits().stream().map(h -> h.source()).filter(Objects::nonNull).toList(), List.of());
    }
}
