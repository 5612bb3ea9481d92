package io.hearken.router.streams;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.Topics;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.HistoryIndex;
import io.hearken.router.routing.ComplaintState;
import io.hearken.router.routing.RouterPort;
import io.hearken.router.routing.RoutingComplaints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RoutingComplaints} on each record and on a wall-clock punctuation (the SLA clock). The
 * effects of one record are collected first and applied only if the logic succeeded; a record that
 * cannot be read or handled goes, unchanged, to {@code <topic>-dlt} with the reason in spring-kafka's
 * dead-letter headers, and the stream moves on.
 */
final class RoutingProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(RoutingProcessor.class);

    private final RoutingComplaints router;
    private final Clock clock;
    private final Duration slaCheckInterval;
    private final Duration historyKept; // the longer window plus a margin: older entries are pruned
    private ProcessorContext<String, byte[]> context;
    private KeptComplaints complaints;
    private RoutingHistory history;
    private final StateCodec codec;
    private boolean reindexed;
    private boolean migrating = true;

    RoutingProcessor(RoutingComplaints router, Clock clock, Duration slaCheckInterval, Duration historyKept,
            StateCodec codec) {
        this.router = router;
        this.historyKept = historyKept;
        this.codec = codec;
        this.clock = clock;
        this.slaCheckInterval = slaCheckInterval;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        complaints = new KeptComplaints(context.getStateStore(RouterTopology.COMPLAINTS_STORE),
                context.getStateStore(RouterTopology.SLA_INDEX_STORE),
                context.getStateStore(RouterTopology.OLD_SNAPSHOT_STORE), codec);
        history = new RoutingHistory(context.getStateStore(RouterTopology.HISTORY_STORE), codec);
        reindexed = false; // a task revived after an abort inits the same processor again: its index is rebuilt too
        context.schedule(slaCheckInterval, PunctuationType.WALL_CLOCK_TIME, this::checkSla);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        ComplaintEvent event;
        try {
            event = codec.event(record.value());
            if (event == null || event.complaintId() == null) {
                throw new IllegalArgumentException("event without a complaint id");
            }
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        migrateHistory(record.timestamp());
        Batch batch = new Batch(event);
        try {
            router.on(event, clock.instant(), batch);
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        if (batch.rejected != null) {
            deadLetter(record, new RejectedByRouter(batch.rejected));
            return;
        }
        batch.apply(record.timestamp());
    }

    /** {@code wallTime} stamps the records (the broker refuses far-future ones); {@code clock} decides what is due. */
    private void checkSla(long wallTime) {
        migrateHistory(wallTime);
        if (!reindexed) { // once per start (the stores restored), on the stream thread, inside a transaction
            reindexed = true;
            CurrentStates.backfill(complaints, complaints.reindex()).forEach(s ->
                    forward(s.complaintId().value(), codec.write(s), Topics.STATE, wallTime));
        }
        Instant now = clock.instant();
        if (context.taskId().partition() == 0) { // every task sees the same (global) history: one prunes it
            history.prune(now.minus(historyKept), RoutingHistory.PRUNE_PER_STEP, historyRecords(wallTime));
        }
        for (String id : complaints.dueBy(now.toEpochMilli())) {
            Batch batch = new Batch(null);
            try {
                batch.complaint(ComplaintId.of(id)).ifPresent(state -> router.tick(state, now, batch));
                batch.apply(wallTime);
            } catch (RuntimeException e) {
                log.error("SLA check of {} failed; it will be retried at the next tick", id, e);
            }
        }
    }

    private void deadLetter(Record<String, byte[]> record, Exception e) {
        context.forward(DeadLetterHeaders.deadLetter(record, context.recordMetadata(), e));
    }

    /** The history's writes and deletions, to {@code router.history} (and so to every instance's global store). */
    private BiConsumer<String, byte[]> historyRecords(long timestamp) {
        return (key, value) -> forward(key, value, RouterTopology.HISTORY_TOPIC, timestamp);
    }

    /** Entries kept under the keys written before are rewritten, a step at a time, before anything is looked up. */
    private void migrateHistory(long timestamp) {
        if (migrating) {
            migrating = history.migrate(historyRecords(timestamp));
        }
    }

    private void forward(String key, byte[] value, String topic, long timestamp) {
        Headers headers = new RecordHeaders();
        headers.add(RouterTopology.TARGET_HEADER, DeadLetterHeaders.utf8(topic));
        context.forward(new Record<>(key, value, timestamp, headers));
    }

    /** The effects of one step, applied together. */
    private final class Batch implements RouterPort {

        /** The record handled (null for an SLA tick): it joins its complaint's state even when the router ignores it. */
        private final ComplaintEvent input;
        private final Map<String, ComplaintState> saved = new LinkedHashMap<>();
        private final Map<String, KeptComplaint> read = new HashMap<>();
        private final List<HistoryEntry> remembered = new ArrayList<>();
        private final Set<String> forgotten = new LinkedHashSet<>();
        private final List<Map.Entry<String, ComplaintEvent>> outbox = new ArrayList<>();
        private String rejected;

        Batch(ComplaintEvent input) {
            this.input = input;
        }

        @Override
        public Optional<ComplaintState> complaint(ComplaintId id) {
            ComplaintState pending = saved.get(id.value());
            if (pending != null) {
                return Optional.of(pending);
            }
            return Optional.ofNullable(kept(id.value()).state());
        }

        private KeptComplaint kept(String id) {
            return read.computeIfAbsent(id, complaints::get);
        }

        @Override
        public void save(ComplaintState state) {
            saved.put(state.complaintId().value(), state);
        }

        @Override
        public HistoryIndex history() {
            return history;
        }

        @Override
        public void remember(HistoryEntry entry) {
            remembered.add(entry);
        }

        @Override
        public void forget(ComplaintId id) {
            RoutingHistory.Erasure erasure = history.erase(id);
            forgotten.addAll(erasure.keys());
            if (erasure.kept() != null) {
                remembered.add(erasure.kept());
            }
        }

        @Override
        public void send(String topic, ComplaintEvent event) {
            outbox.add(Map.entry(topic, event));
        }

        @Override
        public void reject(String reason) {
            rejected = reason;
        }

        /** Writes each complaint's state and snapshot that changed as one record (one changelog record). */
        void apply(long timestamp) {
            for (String key : forgotten) {
                history.delete(key, historyRecords(timestamp));
            }
            for (HistoryEntry entry : remembered) {
                history.write(entry, historyRecords(timestamp));
            }
            List<ComplaintEvent> happened = new ArrayList<>();
            if (input != null) {
                happened.add(input);
            }
            for (Map.Entry<String, ComplaintEvent> out : outbox) {
                ComplaintEvent event = out.getValue();
                forward(event.complaintId().value(), codec.write(event), out.getKey(), timestamp);
                happened.add(event);
            }
            Map<String, ComplaintSnapshot> changed = CurrentStates.fold(happened, id -> kept(id).snapshot());
            Set<String> ids = new LinkedHashSet<>(saved.keySet());
            ids.addAll(changed.keySet());
            Map<String, byte[]> sealedSnapshots = new HashMap<>();
            for (String id : ids) {
                KeptComplaint before = kept(id);
                ComplaintState state = saved.getOrDefault(id, before.state());
                if (changed.containsKey(id) || !state.equals(before.state())) { // a state saved unchanged: no record
                    sealedSnapshots.put(id, complaints.put(id, state, changed.getOrDefault(id, before.snapshot())));
                }
            }
            changed.forEach((id, snapshot) -> { // every changed one was kept just above, its snapshot sealed there
                if (CurrentStates.published(snapshot)) {
                    forward(id, sealedSnapshots.get(id), Topics.STATE, timestamp);
                }
            });
        }
    }
}
