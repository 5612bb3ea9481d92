package io.hearken.router.streams;

import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The routing history as the processor reads it: the history store (keys {@code b|building|id} and
 * {@code r|resident|id}) plus the processor's own writes of the last moments, which the global store
 * sees a moment later.
 */
final class RoutingHistory {

    /**
     * Own history writes are kept here too: the newest {@code RECENT} keys, sorted so that a building's or a
     * resident's entries are one range (a scan of all of them per complaint was a quarter of the all-in-one's
     * CPU at 10k complaints of history, docs/BENCHMARKS.md).
     */
    private static final int RECENT = 10_000;

    private final KeyValueStore<String, byte[]> store;
    private final StateCodec codec;
    private final NavigableMap<String, HistoryEntry> recent = new TreeMap<>();
    private final ArrayDeque<String> recentOrder = new ArrayDeque<>();

    RoutingHistory(KeyValueStore<String, byte[]> store, StateCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** A building's and a resident's entries. */
    List<HistoryEntry> of(String building, String residentHash) {
        Map<String, HistoryEntry> found = new LinkedHashMap<>();
        for (String prefix : prefixes(building, residentHash)) {
            try (KeyValueIterator<String, byte[]> it = store.prefixScan(prefix, new StringSerializer())) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    found.put(kv.key, codec.history(kv.value));
                }
            }
            // keys are prefix + tracking id, all below prefix + '\uffff'
            recent.subMap(prefix, true, prefix + Character.MAX_VALUE, false).forEach(found::putIfAbsent);
        }
        return List.copyOf(found.values());
    }

    /** Every key of one complaint's entries. */
    Set<String> keysOf(ComplaintId id) {
        Set<String> keys = new LinkedHashSet<>();
        String suffix = "|" + id.value();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (kv.key.endsWith(suffix)) {
                    keys.add(kv.key);
                }
            }
        }
        recent.keySet().stream().filter(k -> k.endsWith(suffix)).forEach(keys::add);
        return keys;
    }

    /** The entry under a key, own writes first; null if none. */
    HistoryEntry entry(String key) {
        return recent.containsKey(key) ? recent.get(key) : codec.history(store.get(key));
    }

    /** Kept until {@code RECENT} newer keys came (a key written again keeps its place, as before). */
    void written(String key, HistoryEntry entry) {
        if (recent.put(key, entry) == null) {
            recentOrder.addLast(key);
            if (recentOrder.size() > RECENT) {
                recent.remove(recentOrder.removeFirst());
            }
        }
    }

    void deleted(String key) {
        if (recent.remove(key) != null) {
            recentOrder.remove(key);
        }
    }

    static List<String> prefixes(String building, String residentHash) {
        List<String> prefixes = new ArrayList<>(2);
        if (building != null) {
            prefixes.add("b|" + building + "|");
        }
        if (residentHash != null) {
            prefixes.add("r|" + residentHash + "|");
        }
        return prefixes;
    }
}
