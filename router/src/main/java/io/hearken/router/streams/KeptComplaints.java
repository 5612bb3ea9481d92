package io.hearken.router.streams;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.router.routing.ComplaintState;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The router's state per complaint. One record in {@code router-complaints} holds the routing state and the
 * complaint's {@code complaints.state} record together: one changelog record per change, however many of them
 * changed. The SLA index ({@code router-sla-index}: id → next check) has no changelog; it is rebuilt from
 * {@code router-complaints} once per task start, so it never holds what an aborted transaction wrote (under
 * exactly-once Kafka Streams restores {@code router-complaints} to the last commit, then this runs). Records written
 * before held the state alone, the snapshot being in the old {@code router-snapshots} store, now only read: the
 * next change of such a complaint writes both into one record.
 */
final class KeptComplaints {

    private final KeyValueStore<String, byte[]> store;
    private final KeyValueStore<String, Long> due;
    private final KeyValueStore<String, byte[]> oldSnapshots;
    private final StateCodec codec;

    KeptComplaints(KeyValueStore<String, byte[]> store, KeyValueStore<String, Long> due,
            KeyValueStore<String, byte[]> oldSnapshots, StateCodec codec) {
        this.store = store;
        this.due = due;
        this.oldSnapshots = oldSnapshots;
        this.codec = codec;
    }

    /** The complaint's record; its state null before the router saved one, its snapshot empty before any event. */
    KeptComplaint get(String id) {
        byte[] json = store.get(id);
        KeptComplaint kept = json == null ? new KeptComplaint(null, null, null) : codec.kept(json);
        if (kept.snapshot() != null) {
            return kept;
        }
        byte[] old = oldSnapshots.get(id);
        return new KeptComplaint(kept.due(), kept.state(),
                old == null ? ComplaintSnapshot.empty(ComplaintId.of(id)) : codec.snapshot(old));
    }

    /** Keeps the complaint's record; returns its snapshot sealed as the record holds it, for {@code complaints.state}. */
    byte[] put(String id, ComplaintState state, ComplaintSnapshot snapshot) {
        KeptComplaint kept = KeptComplaint.of(state, snapshot);
        StateCodec.Written written = codec.writeKept(kept);
        store.put(id, written.record());
        if (kept.due() == null) {
            due.delete(id);
        } else {
            due.put(id, kept.due());
        }
        return written.snapshot();
    }

    /** The complaints whose next SLA check is at or before {@code millis}. */
    List<String> dueBy(long millis) {
        List<String> ready = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = due.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> next = it.next();
                if (next.value != null && next.value <= millis) {
                    ready.add(next.key);
                }
            }
        }
        return ready;
    }

    /**
     * Rebuilds the SLA index from the records (without opening their sealed fields); returns the complaints kept
     * before the router wrote {@code complaints.state} at all (a state, no snapshot anywhere), for the backfill.
     */
    List<String> reindex() {
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = due.all()) {
            it.forEachRemaining(kv -> stale.add(kv.key));
        }
        stale.forEach(due::delete);
        List<String> withoutSnapshot = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> next = it.next();
                if (next.value == null) {
                    continue;
                }
                StateCodec.Indexed indexed = codec.indexed(next.value);
                if (indexed.due() != null) {
                    due.put(next.key, indexed.due());
                }
                if (indexed.legacy() && oldSnapshots.get(next.key) == null) {
                    withoutSnapshot.add(next.key);
                }
            }
        }
        return withoutSnapshot;
    }
}
