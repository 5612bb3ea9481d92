package io.hearken.router.streams;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.hearken.events.ComplaintRouted;
import io.hearken.router.routing.ComplaintState;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The writer of {@code complaints.state}: folds each event the router handles or emits into its complaint's
 * {@link ComplaintSnapshot}, kept in a store (with a changelog) and published when it changed and the complaint
 * has been routed. The one place the record is built ({@link #next}), so erasure can rewrite or remove it here.
 */
final class CurrentStates {

    private final KeyValueStore<String, byte[]> store;

    private final StateCodec codec;

    CurrentStates(KeyValueStore<String, byte[]> store, StateCodec codec) {
        this.codec = codec;
        this.store = store;
    }

    /** Applies the events to the store; returns the snapshots to publish, one per complaint that changed. */
    List<ComplaintSnapshot> fold(List<ComplaintEvent> events) {
        Map<ComplaintId, ComplaintSnapshot> changed = new LinkedHashMap<>();
        for (ComplaintEvent event : events) {
            ComplaintId id = event.complaintId();
            ComplaintSnapshot before = changed.containsKey(id) ? changed.get(id) : current(id);
            ComplaintSnapshot after = next(before, event);
            if (after != before) {
                changed.put(id, after);
            }
        }
        List<ComplaintSnapshot> publish = new ArrayList<>();
        changed.forEach((id, snapshot) -> {
            store.put(id.value(), codec.write(snapshot));
            if (snapshot.latestRouting() != null) {
                publish.add(snapshot); // before the routing, the complaint is no one's yet
            }
        });
        return publish;
    }

    /**
     * Complaints the router routed before it wrote {@code complaints.state} (an upgrade) get a record from what it
     * kept: the latest routing and the status. Their earlier updates are not in it; later ones join as they come.
     */
    List<ComplaintSnapshot> backfill(KeyValueStore<String, byte[]> complaints) {
        List<ComplaintSnapshot> seeded = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = complaints.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> next = it.next();
                if (next.value != null && store.get(next.key) == null) {
                    ComplaintState state = codec.state(next.value);
                    ComplaintRouted routed = state.routed();
                    if (routed == null) {
                        continue;
                    }
                    ComplaintSnapshot snapshot = new ComplaintSnapshot(state.complaintId(), routed.at(), state.status(),
                            List.of(routed));
                    store.put(next.key, codec.write(snapshot));
                    seeded.add(snapshot);
                }
            }
        }
        return seeded;
    }

    /** The record for a complaint after one more event; the same instance when nothing changed. */
    static ComplaintSnapshot next(ComplaintSnapshot current, ComplaintEvent event) {
        return current.with(event);
    }

    private ComplaintSnapshot current(ComplaintId id) {
        byte[] json = store.get(id.value());
        return json == null ? ComplaintSnapshot.empty(id) : codec.snapshot(json);
    }
}
