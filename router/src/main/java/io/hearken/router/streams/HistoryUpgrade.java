package io.hearken.router.streams;

import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The history written by routers before: entries under {@code b|<building>|<id>} and {@code r|<hash>|<id>}, then under
 * {@code bt|<building>|<time>|<id>}, {@code rt|<hash>|<time>|<id>} and {@code id|<id>} (three records per entry, a
 * building's whole history read by a look-up). At the start each entry is written again as one {@code h|<id>} record
 * and the old keys are deleted, on the topic, {@link #PER_STEP} keys per record or SLA tick (so no transaction grows
 * without bound); until it is done, look-ups and erasures read the old keys too.
 */
final class HistoryUpgrade {

    /** Old keys rewritten per step. */
    static final int PER_STEP = 2_000;

    private final KeyValueStore<String, byte[]> store;
    private final StateCodec codec;
    private final Function<byte[], HistoryEntry> lookUp;
    private int prefix;
    private String cursor;
    /** Complaints rewritten or erased during the rewrite: an old key read later does not bring them back. */
    private final Set<ComplaintId> done = new HashSet<>();

    /** {@code lookUp}: decodes what a look-up reads (and counts it). */
    HistoryUpgrade(KeyValueStore<String, byte[]> store, StateCodec codec, Function<byte[], HistoryEntry> lookUp) {
        this.store = store;
        this.codec = codec;
        this.lookUp = lookUp;
    }

    /** Entries under the old keys of the building and of the resident (either may be null) from {@code from} to {@code to}. */
    List<HistoryEntry> entries(String building, String residentHash, Instant from, Instant to) {
        List<HistoryEntry> found = new ArrayList<>();
        if (building != null) {
            read("bt|" + building, "b|" + building + "|", from, to, found);
        }
        if (residentHash != null) {
            read("rt|" + residentHash, "r|" + residentHash + "|", from, to, found);
        }
        return found;
    }

    /** Adds the complaint's old keys to {@code keys}; returns its entry kept under its building, if any. */
    HistoryEntry erase(ComplaintId id, List<String> keys) {
        done.add(id); // the rewrite, reading old keys the erasure's deletions have not reached yet, skips it
        HistoryEntry kept = null;
        byte[] index = store.get("id|" + id.value());
        if (index != null) {
            HistoryEntry e = codec.history(index);
            String suffix = "|" + HistoryKeys.time(e.at()) + "|" + id.value();
            if (e.building() != null) {
                keys.add("bt|" + e.building() + suffix);
                byte[] value = store.get("bt|" + e.building() + suffix);
                kept = value == null ? null : codec.history(value);
            }
            if (e.residentHash() != null) {
                keys.add("rt|" + e.residentHash() + suffix);
            }
            keys.add("id|" + id.value());
        }
        for (String old : List.of("b|", "r|")) { // no index of these: a scan, only while the rewrite lasts
            try (KeyValueIterator<String, byte[]> it = store.range(old, HistoryKeys.above(old))) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    if (kv.key.endsWith("|" + id.value())) {
                        keys.add(kv.key);
                        kept = kept == null && old.equals("b|") ? codec.history(kv.value) : kept;
                    }
                }
            }
        }
        return kept;
    }

    /** Rewrites up to {@link #PER_STEP} old keys; false once none are left. */
    boolean step(RoutingHistory history, BiConsumer<String, byte[]> out) {
        int step = 0;
        while (prefix < HistoryKeys.LEGACY.size()) {
            String old = HistoryKeys.LEGACY.get(prefix);
            try (KeyValueIterator<String, byte[]> it = store.range(cursor == null ? old : cursor + "\0",
                    HistoryKeys.above(old))) {
                while (it.hasNext()) {
                    if (step++ == PER_STEP) {
                        return true;
                    }
                    KeyValue<String, byte[]> kv = it.next();
                    cursor = kv.key;
                    history.delete(kv.key, out);
                    if (old.equals("id|")) {
                        continue; // only where the other keys were
                    }
                    HistoryEntry entry = codec.history(kv.value);
                    // building keys first: an erased complaint's building entry, already without its resident, wins
                    if (entry != null && done.add(entry.complaintId()) && !history.known(entry.complaintId())) {
                        history.rewrite(entry, out);
                    }
                }
            }
            prefix++;
            cursor = null;
        }
        done.clear();
        return false;
    }

    private void read(String timed, String untimed, Instant from, Instant to, List<HistoryEntry> found) {
        String[] range = HistoryKeys.range(timed, from, to);
        try (KeyValueIterator<String, byte[]> it = store.range(range[0], range[1])) {
            it.forEachRemaining(kv -> add(lookUp.apply(kv.value), found));
        }
        try (KeyValueIterator<String, byte[]> it = store.range(untimed, HistoryKeys.above(untimed))) {
            while (it.hasNext()) {
                HistoryEntry entry = lookUp.apply(it.next().value);
                if (entry != null && !entry.at().isBefore(from) && !entry.at().isAfter(to)) {
                    found.add(entry);
                }
            }
        }
    }

    private static void add(HistoryEntry entry, List<HistoryEntry> found) {
        if (entry != null) {
            found.add(entry);
        }
    }
}
