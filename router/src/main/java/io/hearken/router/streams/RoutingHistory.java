package io.hearken.router.streams;

import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The routing history as the processor reads and writes it: the history store (keys: {@link HistoryKeys}) plus the
 * processor's own writes of the last moments, which the global store sees a moment later. A look-up reads only the
 * entries of the building and the resident inside the windows, so its cost does not grow with the history.
 */
final class RoutingHistory {

    /**
     * Own history writes are kept here too: the newest {@code RECENT} keys, sorted so that a building's or a
     * resident's entries are one range.
     */
    private static final int RECENT = 10_000;
    /** Old-format keys rewritten per step (one record or tick), so no transaction grows without bound. */
    static final int MIGRATE_PER_STEP = 2_000;

    /** An erasure: the keys to delete, and what stays of the complaint (its building entry without hash, unit, words). */
    record Erasure(List<String> keys, HistoryEntry kept) {
    }

    private final KeyValueStore<String, byte[]> store;
    private final StateCodec codec;
    private final NavigableMap<String, HistoryEntry> recent = new TreeMap<>();
    private final ArrayDeque<String> recentOrder = new ArrayDeque<>();
    /** Entries read and decoded from the store by look-ups (JSON and unsealing: what a look-up costs). */
    private long decoded;
    /** The same as {@code hearken_router_history_entries_read_total}: per routed complaint, flat as the history grows. */
    private final Counter read = Metrics.counter("hearken.router.history.entries.read");
    private boolean migrating = true;
    private int oldPrefix;
    private String cursor;
    private final Set<ComplaintId> migrated = new HashSet<>();

    RoutingHistory(KeyValueStore<String, byte[]> store, StateCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** A building's and a resident's entries from {@code from} to {@code to} (either may be null). */
    List<HistoryEntry> of(String building, String residentHash, Instant from, Instant to) {
        Map<String, HistoryEntry> found = new LinkedHashMap<>();
        for (String prefix : HistoryKeys.prefixes(building, residentHash)) {
            String[] range = HistoryKeys.range(prefix, from, to);
            try (KeyValueIterator<String, byte[]> it = store.range(range[0], range[1])) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    HistoryEntry own = recent.get(kv.key); // newer than the store's, and already decoded
                    HistoryEntry entry = own != null ? own : decode(kv.value);
                    if (entry != null) {
                        found.put(kv.key, entry);
                    }
                }
            }
            recent.subMap(range[0], true, range[1], true).forEach(found::putIfAbsent);
        }
        if (migrating) { // until the keys written before are rewritten, they are read as before: whole
            for (String prefix : HistoryKeys.OLD) {
                String key = prefix.equals(HistoryKeys.OLD.get(0)) ? building : residentHash;
                if (key != null) {
                    scanOld(prefix + key + "|", found);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Entries decoded by look-ups so far. */
    long decoded() {
        return decoded;
    }

    /** The keys of one complaint's entries and what stays of it: from its {@code id|} entry, no scan. */
    Erasure erase(ComplaintId id) {
        String index = HistoryKeys.complaint(id);
        HistoryEntry keys = entry(index);
        List<String> all = new ArrayList<>();
        HistoryEntry kept = null;
        if (keys != null) {
            all.addAll(HistoryKeys.of(keys));
            kept = keys.building() == null ? null : entry(all.get(0));
            all.add(index);
        }
        if (migrating) { // keys written before, not rewritten yet: found by a scan of them (only during the rewrite)
            migrated.add(id); // the rewrite, reading old keys the erasure's deletions have not reached yet, skips it
            for (String prefix : HistoryKeys.OLD) {
                try (KeyValueIterator<String, byte[]> it = store.range(prefix, above(prefix))) {
                    while (it.hasNext()) {
                        KeyValue<String, byte[]> kv = it.next();
                        if (kv.key.endsWith("|" + id.value())) {
                            all.add(kv.key);
                            kept = kept == null && prefix.equals(HistoryKeys.OLD.get(0)) ? codec.history(kv.value) : kept;
                        }
                    }
                }
            }
        }
        return new Erasure(all, kept == null ? null : new HistoryEntry(kept.complaintId(), kept.at(), kept.building(),
                null, null, kept.category(), null, kept.relatedTo()));
    }

    /** The entry under a key, own writes first; null if none. */
    HistoryEntry entry(String key) {
        if (recent.containsKey(key)) {
            return recent.get(key);
        }
        byte[] value = store.get(key);
        return value == null ? null : codec.history(value);
    }

    /** Writes an entry under its keys ({@link HistoryKeys}) to {@code out}, and keeps it among the own writes. */
    void write(HistoryEntry entry, BiConsumer<String, byte[]> out) {
        write(entry, out, true);
    }

    void delete(String key, BiConsumer<String, byte[]> out) {
        if (recent.remove(key) != null) {
            recentOrder.remove(key);
        }
        out.accept(key, null);
    }

    /**
     * Rewrites up to {@link #MIGRATE_PER_STEP} entries kept under the keys written before ({@link HistoryKeys#OLD}) to
     * the current keys, deleting the old ones; false once none are left (then it is not called again).
     */
    boolean migrate(BiConsumer<String, byte[]> out) {
        int step = 0;
        while (oldPrefix < HistoryKeys.OLD.size()) {
            String prefix = HistoryKeys.OLD.get(oldPrefix);
            try (KeyValueIterator<String, byte[]> it = store.range(cursor == null ? prefix : cursor + "\0", above(prefix))) {
                while (it.hasNext()) {
                    if (step++ == MIGRATE_PER_STEP) {
                        return true;
                    }
                    KeyValue<String, byte[]> kv = it.next();
                    cursor = kv.key;
                    delete(kv.key, out);
                    HistoryEntry entry = codec.history(kv.value);
                    // b| first: an erased complaint's building entry, already without its resident, wins
                    if (entry != null && migrated.add(entry.complaintId())) {
                        write(entry, out, false);
                    }
                }
            }
            oldPrefix++;
            cursor = null;
        }
        migrated.clear();
        migrating = false;
        return false;
    }

    private void write(HistoryEntry entry, BiConsumer<String, byte[]> out, boolean own) {
        List<String> keys = HistoryKeys.of(entry);
        if (keys.isEmpty()) {
            return;
        }
        byte[] json = codec.write(entry);
        for (String key : keys) {
            out.accept(key, json);
            if (own) {
                written(key, entry);
            }
        }
        HistoryEntry index = new HistoryEntry(entry.complaintId(), entry.at(), entry.building(), null,
                entry.residentHash(), null, null, null);
        out.accept(HistoryKeys.complaint(entry.complaintId()), codec.write(index));
        if (own) {
            written(HistoryKeys.complaint(entry.complaintId()), index);
        }
    }

    /** Above every key that starts with {@code prefix} (which ends in '|'): '|' + 1. */
    private static String above(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + "}";
    }

    private void scanOld(String prefix, Map<String, HistoryEntry> found) {
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                found.put(kv.key, decode(kv.value));
            }
        }
    }

    private HistoryEntry decode(byte[] value) {
        decoded++;
        read.increment();
        return codec.history(value);
    }

    /** Kept until {@code RECENT} newer keys came (a key written again keeps its place, as before). */
    private void written(String key, HistoryEntry entry) {
        if (recent.put(key, entry) == null) {
            recentOrder.addLast(key);
            if (recentOrder.size() > RECENT) {
                recent.remove(recentOrder.removeFirst());
            }
        }
    }
}
