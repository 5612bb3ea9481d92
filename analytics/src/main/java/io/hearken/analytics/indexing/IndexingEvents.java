package io.hearken.analytics.indexing;

import io.hearken.readmodel.Indices;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.privacy.PersonalData;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of events with one {@code mget} and one bulk request: the complaint documents by
 * read-modify-write with optimistic concurrency ({@code if_seq_no}/{@code if_primary_term}, retried on
 * conflict, so two instances never lose an update) and the event documents with {@code op_type=create}
 * (a redelivered event is a harmless conflict).
 * Any failure to reach Elasticsearch is thrown, so the caller does not commit and retries the whole
 * batch later; a document Elasticsearch rejects as malformed is logged and skipped, never retried forever.
 * An event that can never be folded (no id, no time, or one the projection fails on) is returned as rejected
 * with its reason, for the caller to dead-letter, and the rest of the batch is indexed.
 * A {@code ComplaintAnonymised} strips the complaint's document (in the fold) and then its event documents
 * ({@link AnonymisedEvents}).
 */
public final class IndexingEvents {

    /** An event with the topic it came from. */
    public record Incoming(ComplaintEvent event, String topic) {
    }

    /** An event this indexer can never fold, with why. */
    public record Rejected(Incoming incoming, String reason) {
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
    private final AnonymisedEvents anonymised;
    private final Clock clock;

    public IndexingEvents(ElasticsearchClient client, IndexSetup setup, PersonalData personalData, Clock clock) {
        this(client, setup, personalData, clock, io.hearken.events.ReturnVisitRule.DEFAULT);
    }

    public IndexingEvents(ElasticsearchClient client, IndexSetup setup, PersonalData personalData, Clock clock,
            io.hearken.events.ReturnVisitRule returnVisits) {
        this.client = client;
        this.setup = setup;
        this.projection = new ComplaintProjection(personalData, returnVisits);
        this.anonymised = new AnonymisedEvents(client);
        this.clock = clock;
    }

    /**
     * Indexes the batch; returns normally only when every event is durably in both indices, except the rejected
     * ones it returns.
     */
    public List<Rejected> index(List<Incoming> batch) {
        List<Rejected> rejected = new ArrayList<>();
        if (batch.isEmpty()) {
            return rejected;
        }
        try {
            setup.ensure();
            Map<String, List<Incoming>> byComplaint = new LinkedHashMap<>();
            List<EventDocument> withoutComplaint = new ArrayList<>();
            for (Incoming in : batch) {
                String problem = problem(in.event());
                if (problem != null) {
                    rejected.add(new Rejected(in, problem));
                } else if (in.event().complaintId() == null) {
                    withoutComplaint.add(EventDocument.of(in.event(), in.topic(), null, clock.instant()));
                } else {
                    byComplaint.computeIfAbsent(in.event().complaintId().value(), k -> new ArrayList<>()).add(in);
                }
            }
            write(byComplaint, withoutComplaint, rejected);
            // After the write, so the event documents of this very batch lose their texts too.
            anonymised.strip(batch.stream().filter(in -> in.event() instanceof ComplaintAnonymised && in.event().complaintId() != null)
                    .map(in -> in.event().complaintId().value()).collect(java.util.stream.Collectors.toSet()));
            return rejected;
        } catch (IOException e) {
            throw new RetryLater("Elasticsearch unreachable: " + e.getMessage(), e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            throw new RetryLater("Elasticsearch refused the batch: " + e.getMessage(), e);
        }
    }

    /**
     * One {@code mget} of every complaint the batch touches and one bulk request with their new states and
     * every event document. A complaint another instance changed meanwhile (409) is read and folded again
     * in a further, smaller round; its events' documents are then rewritten with the state after that fold.
     */
    /** What makes an event impossible to fold, or null. */
    static String problem(ComplaintEvent event) {
        if (event.eventId() == null || event.eventId().isBlank()) {
            return "no eventId";
        }
        if (event.at() == null) {
            return "no at (the time of the event)";
        }
        return null;
    }

    private void write(Map<String, List<Incoming>> byComplaint, List<EventDocument> withoutComplaint,
            List<Rejected> rejected) throws IOException {
        Set<String> pending = new LinkedHashSet<>(byComplaint.keySet());
        List<EventDocument> firstEvents = new ArrayList<>(withoutComplaint);
        for (int round = 0; round == 0 || !pending.isEmpty(); round++) {
            if (round == MAX_CONFLICT_ROUNDS) {
                throw new RetryLater("complaint documents kept conflicting: " + pending, null);
            }
            boolean retry = round > 0;
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            List<String> complaintOf = new ArrayList<>(); // per operation: its complaint id, null for an event
            if (!pending.isEmpty()) {
                List<String> ids = List.copyOf(pending);
                long started = System.nanoTime();
                MgetResponse<ComplaintDocument> current = client.mget(m -> m.index(Indices.COMPLAINTS).ids(ids),
                        ComplaintDocument.class);
                if (log.isDebugEnabled()) {
                    log.debug("Read {} complaints (round {}): {} ms", ids.size(), round,
                            (System.nanoTime() - started) / 1_000_000);
                }
                for (MultiGetResponseItem<ComplaintDocument> item : current.docs()) {
                    if (item.isFailure()) {
                        throw new RetryLater("could not read complaint " + item.failure().id() + ": "
                                + item.failure().error().reason(), null);
                    }
                    var got = item.result();
                    ComplaintDocument doc = got.found() && got.source() != null ? got.source()
                            : new ComplaintDocument(got.id());
                    boolean changed = false;
                    for (Incoming in : byComplaint.get(got.id())) {
                        boolean applied;
                        EventDocument eventDoc;
                        try {
                            applied = projection.apply(doc, in.event());
                            eventDoc = EventDocument.of(in.event(), in.topic(), doc, clock.instant());
                        } catch (RuntimeException e) {
                            // A bug or an event of a shape the fold does not expect: it would fail on every retry.
                            if (!retry) {
                                rejected.add(new Rejected(in, "cannot be folded: " + e));
                            }
                            continue;
                        }
                        changed |= applied;
                        if (!retry) {
                            firstEvents.add(eventDoc); // created once; a redelivered event's create is a 409
                        } else if (applied) {
                            // After a conflict: the state this instance now folded in is the true one.
                            bulk.operations(o -> o.index(i -> i.index(Indices.EVENTS).id(eventDoc.eventId())
                                    .document(eventDoc)));
                            complaintOf.add(null);
                        }
                    }
                    if (!changed) {
                        pending.remove(got.id()); // all redelivered: nothing to write
                        continue;
                    }
                    ComplaintDocument write = doc;
                    if (got.found()) {
                        bulk.operations(o -> o.index(i -> i.index(Indices.COMPLAINTS).id(got.id()).document(write)
                                .ifSeqNo(got.seqNo()).ifPrimaryTerm(got.primaryTerm())));
                    } else {
                        bulk.operations(o -> o.create(c -> c.index(Indices.COMPLAINTS).id(got.id()).document(write)));
                    }
                    complaintOf.add(got.id());
                }
            }
            for (EventDocument doc : firstEvents) {
                bulk.operations(o -> o.create(c -> c.index(Indices.EVENTS).id(doc.eventId()).document(doc)));
                complaintOf.add(null);
            }
            firstEvents.clear();
            if (complaintOf.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            BulkResponse response = client.bulk(bulk.build());
            if (log.isDebugEnabled()) {
                log.debug("Bulk of {} operations (round {}): {} ms, {} ms of it in Elasticsearch", complaintOf.size(),
                        round, (System.nanoTime() - started) / 1_000_000, response.took());
            }
            for (int i = 0; i < response.items().size(); i++) {
                BulkResponseItem item = response.items().get(i);
                boolean complaint = complaintOf.get(i) != null; // the items answer the operations in order
                if (item.error() == null) {
                    if (complaint) {
                        pending.remove(item.id());
                    }
                } else if (item.status() == 409) {
                    // A complaint: changed meanwhile, stays pending and is folded again.
                    // An event: indexed before (a redelivery), nothing to do.
                    if (complaint) {
                        log.debug("Complaint {} changed meanwhile; reapplying", item.id());
                    }
                } else {
                    handleItemError(item);
                    if (complaint) {
                        pending.remove(item.id());
                    }
                }
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
