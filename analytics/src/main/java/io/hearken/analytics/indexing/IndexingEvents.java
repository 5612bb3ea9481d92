package io.hearken.analytics.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.privacy.PersonalData;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of events: the complaint documents by read-modify-write with optimistic concurrency
 * ({@code if_seq_no}/{@code if_primary_term}, retried on conflict, so two instances never lose an update)
 * and the event documents with {@code op_type=create} (a redelivered event is a harmless conflict).
 * Any failure to reach Elasticsearch is thrown, so the caller does not commit and retries the whole
 * batch later; a document Elasticsearch rejects as malformed is logged and skipped, never retried forever.
 */
public final class IndexingEvents {

    /** An event with the topic it came from. */
    public record Incoming(ComplaintEvent event, String topic) {
    }

    /** Thrown when the batch must be retried later (Elasticsearch unreachable, overloaded or failing). */
    public static final class RetryLater extends RuntimeException {
        RetryLater(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(IndexingEvents.class);
    private static final int MAX_CONFLICT_ROUNDS = 10;

    private final ElasticsearchClient client;
    private final IndexSetup setup;
    private final ComplaintProjection projection;
    private final Clock clock;

    public IndexingEvents(ElasticsearchClient client, IndexSetup setup, PersonalData personalData, Clock clock) {
        this.client = client;
        this.setup = setup;
        this.projection = new ComplaintProjection(personalData);
        this.clock = clock;
    }

    /** Indexes the batch; returns normally only when every event is durably in both indices. */
    public void index(List<Incoming> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            setup.ensure();
            Map<String, List<Incoming>> byComplaint = new LinkedHashMap<>();
            List<EventDocument> eventDocs = new ArrayList<>();
            for (Incoming in : batch) {
                if (in.event().complaintId() == null) {
                    eventDocs.add(EventDocument.of(in.event(), in.topic(), null, clock.instant()));
                } else {
                    byComplaint.computeIfAbsent(in.event().complaintId().value(), k -> new ArrayList<>()).add(in);
                }
            }
            eventDocs.addAll(writeComplaints(byComplaint));
            writeEvents(eventDocs);
        } catch (IOException e) {
            throw new RetryLater("Elasticsearch unreachable: " + e.getMessage(), e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            throw new RetryLater("Elasticsearch refused the batch: " + e.getMessage(), e);
        }
    }

    /** Read-modify-write of every touched complaint; returns the event documents with the state after each. */
    private List<EventDocument> writeComplaints(Map<String, List<Incoming>> byComplaint) throws IOException {
        Map<String, EventDocument> eventDocs = new LinkedHashMap<>();
        Set<String> pending = new HashSet<>(byComplaint.keySet());
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_CONFLICT_ROUNDS) {
                throw new RetryLater("complaint documents kept conflicting: " + pending, null);
            }
            List<String> ids = List.copyOf(pending);
            MgetResponse<ComplaintDocument> current = client.mget(m -> m.index(Indices.COMPLAINTS).ids(ids),
                    ComplaintDocument.class);
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            boolean anyWrite = false;
            for (MultiGetResponseItem<ComplaintDocument> item : current.docs()) {
                if (item.isFailure()) {
                    throw new RetryLater("could not read complaint " + item.failure().id() + ": "
                            + item.failure().error().reason(), null);
                }
                var got = item.result();
                ComplaintDocument doc = got.found() && got.source() != null ? got.source() : new ComplaintDocument(got.id());
                boolean changed = false;
                for (Incoming in : byComplaint.get(got.id())) {
                    changed |= projection.apply(doc, in.event());
                    eventDocs.put(in.event().eventId(), EventDocument.of(in.event(), in.topic(), doc, clock.instant()));
                }
                if (!changed) {
                    pending.remove(got.id()); // all redelivered: nothing to write
                    continue;
                }
                anyWrite = true;
                ComplaintDocument write = doc;
                if (got.found()) {
                    bulk.operations(o -> o.index(i -> i.index(Indices.COMPLAINTS).id(got.id()).document(write)
                            .ifSeqNo(got.seqNo()).ifPrimaryTerm(got.primaryTerm())));
                } else {
                    bulk.operations(o -> o.create(c -> c.index(Indices.COMPLAINTS).id(got.id()).document(write)));
                }
            }
            if (!anyWrite) {
                break;
            }
            BulkResponse response = client.bulk(bulk.build());
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    pending.remove(item.id());
                } else if (item.status() == 409) {
                    log.debug("Complaint {} changed meanwhile; reapplying", item.id()); // stays pending
                } else {
                    handleItemError(item);
                    pending.remove(item.id());
                }
            }
        }
        return new ArrayList<>(eventDocs.values());
    }

    private void writeEvents(List<EventDocument> docs) throws IOException {
        if (docs.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (EventDocument doc : docs) {
            bulk.operations(o -> o.create(c -> c.index(Indices.EVENTS).id(doc.eventId()).document(doc)));
        }
        BulkResponse response = client.bulk(bulk.build());
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != 409) { // 409: indexed before, by a redelivery
                handleItemError(item);
            }
        }
    }

    private static void handleItemError(BulkResponseItem item) {
        if (item.status() == 429 || item.status() >= 500) {
            throw new RetryLater("Elasticsearch could not take document " + item.id() + " now: "
                    + item.error().reason(), null);
        }
        log.error("Elasticsearch rejected document {} in {} ({}): {} - skipped", item.id(), item.index(),
                item.status(), item.error().reason());
    }
}
