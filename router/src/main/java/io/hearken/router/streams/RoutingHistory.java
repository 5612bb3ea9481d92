package io.hearken.router.streams;

import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.HistoryIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The routing history as the processor reads and writes it: the history store (keys: {@link HistoryKeys}) plus the
 * processor's own writes of the last moments, which the global store sees a moment later. A look-up reads only the
 * entries that can match (same building and category, same unit, same resident, same incident) inside the windows,
 * so its cost does not grow with the history. An entry is one record on {@code router.history}.
 */
final class RoutingHistory implements HistoryIndex {

    /**
     * Own history writes are kept here too, the newest {@code RECENT} complaints' entries of this task: the global store
     * shows them only once the global thread has read them back (about a commit interval, 100 ms, later). 3,000 a task
     * covers seconds of that lag at 1,000 complaints/s over three partitions; more cost ~1 KB of heap each.
     */
    private static final int RECENT = 3_000;
    /** Entries pruned per SLA tick at most (so no transaction grows without bound). */
    static final int PRUNE_PER_STEP = 5_000;

    /** An erasure: the keys to delete, and what stays of the complaint (its building entry without hash, unit, words). */
    record Erasure(List<String> keys, HistoryEntry kept) {
    }

    /** An own write: the entry (null: deleted) and its derived keys. */
    private record Own(HistoryEntry entry, List<String> keys) {
    }

    private final KeyValueStore<String, byte[]> store;
    private final StateCodec codec;
    private final Map<ComplaintId, Own> recent = new LinkedHashMap<>();
    private final NavigableMap<String, ComplaintId> recentKeys = new TreeMap<>();
    /** Entries read and decoded from the store by look-ups (JSON and unsealing: what a look-up costs). */
    private long decoded;
    /** The same as {@code hearken_router_history_entries_read_total}: per routed complaint, flat as the history grows. */
    private final Counter read = Metrics.counter("hearken.router.history.entries.read");
    /** Until the keys of the layouts before are rewritten; then null. */
    private HistoryUpgrade upgrade;
    private String pruned;

    RoutingHistory(KeyValueStore<String, byte[]> store, StateCodec codec) {
        this.store = store;
        this.codec = codec;
        this.upgrade = new HistoryUpgrade(store, codec, this::decode);
    }

    @Override
    public List<HistoryEntry> sameCategory(String building, String category, Instant from, Instant to) {
        return building == null ? List.of() : find(HistoryKeys.sameCategory(building, category), from, to,
                e -> building.equals(e.building()) && Objects.equals(category, e.category()), building, null);
    }

    /** Reads the range backwards and decodes only the newest {@code newest} (plus own writes in it, then cut). */
    @Override
    public List<HistoryEntry> sameCategory(String building, String category, Instant from, Instant to, int newest) {
        return building == null ? List.of() : find(HistoryKeys.sameCategory(building, category), from, to,
                e -> building.equals(e.building()) && Objects.equals(category, e.category()), building, null, newest,
                null);
    }

    @Override
    public List<HistoryEntry> samePlace(String building, String unit, Instant from, Instant to) {
        return building == null ? List.of() : find(HistoryKeys.samePlace(building, unit), from, to,
                e -> building.equals(e.building()) && Objects.equals(unit, e.unit()), building, null);
    }

    @Override
    public List<HistoryEntry> sameResident(String residentHash, Instant from, Instant to) {
        return residentHash == null ? List.of() : find(HistoryKeys.sameResident(residentHash), from, to,
                e -> residentHash.equals(e.residentHash()), null, residentHash);
    }

    @Override
    public List<HistoryEntry> incident(ComplaintId incident, String building, String residentHash, Instant from,
            Instant to) {
        return find(HistoryKeys.incident(incident), from, to, e -> incident.equals(e.incident())
                && (building != null && building.equals(e.building())
                        || residentHash != null && residentHash.equals(e.residentHash())), building, residentHash,
                Integer.MAX_VALUE, incident);
    }

    /** Entries decoded by look-ups so far. */
    long decoded() {
        return decoded;
    }

    /** The keys to delete for one complaint and what stays of it: from its own record, no scan. */
    Erasure erase(ComplaintId id) {
        HistoryEntry current = entry(id);
        List<String> keys = new ArrayList<>();
        if (upgrade != null) { // keys of the layouts before, not rewritten yet
            HistoryEntry legacy = upgrade.erase(id, keys);
            current = current == null ? legacy : current;
        }
        HistoryEntry kept = current == null || current.building() == null ? null
                : new HistoryEntry(current.complaintId(), current.at(), current.building(), null, null,
                        current.category(), null, current.relatedTo());
        if (kept == null && current != null) {
            keys.add(HistoryKeys.entry(id));
        }
        return new Erasure(keys, kept);
    }

    /** The complaint's entry, own writes first; null if none. */
    HistoryEntry entry(ComplaintId id) {
        Own own = recent.get(id);
        if (own != null) {
            return own.entry();
        }
        byte[] value = store.get(HistoryKeys.entry(id));
        return value == null ? null : codec.history(value);
    }

    /** Whether the complaint has an entry (or had one, deleted, among the own writes). */
    boolean known(ComplaintId id) {
        return recent.containsKey(id) || store.get(HistoryKeys.entry(id)) != null;
    }

    /** Writes an entry (one record, {@code h|<id>}) to {@code out}, and keeps it among the own writes. */
    void write(HistoryEntry entry, BiConsumer<String, byte[]> out) {
        rewrite(entry, out);
        own(entry.complaintId(), entry);
    }

    /** Writes an entry without keeping it among the own writes (the upgrade's, which would crowd them out). */
    void rewrite(HistoryEntry entry, BiConsumer<String, byte[]> out) {
        out.accept(HistoryKeys.entry(entry.complaintId()), codec.write(entry));
    }

    void delete(String key, BiConsumer<String, byte[]> out) {
        if (key.startsWith(HistoryKeys.ENTRY)) {
            own(ComplaintId.of(key.substring(HistoryKeys.ENTRY.length())), null);
        }
        out.accept(key, null);
    }

    /** One step of the rewrite of the keys written before ({@link HistoryUpgrade}); false once none are left. */
    boolean migrate(BiConsumer<String, byte[]> out) {
        if (upgrade != null && !upgrade.step(this, out)) {
            upgrade = null;
        }
        return upgrade != null;
    }

    /**
     * Deletes (on the topic) up to {@code max} entries from before {@code before}, oldest first, going on after the
     * last call's last one; once none are left, the next call starts again from the oldest. Returns how many.
     */
    int prune(Instant before, int max, BiConsumer<String, byte[]> out) {
        String from = pruned == null ? HistoryKeys.TIME : pruned + "\0";
        String to = HistoryKeys.TIME + HistoryKeys.time(before); // below every key of that millisecond
        int n = 0;
        if (from.compareTo(to) < 0) {
            try (KeyValueIterator<String, byte[]> it = store.range(from, to)) {
                while (n < max && it.hasNext()) {
                    pruned = it.next().key;
                    delete(HistoryKeys.entry(HistoryKeys.id(pruned)), out);
                    n++;
                }
            }
        }
        if (n < max) {
            pruned = null;
        }
        return n;
    }

    private List<HistoryEntry> find(String prefix, Instant from, Instant to, Predicate<HistoryEntry> matches,
            String building, String residentHash) {
        return find(prefix, from, to, matches, building, residentHash, Integer.MAX_VALUE, null);
    }

    /**
     * The entries under {@code prefix} from {@code from} to {@code to}: the store's, the own writes' and (until the
     * upgrade is done) the old keys'. With {@code newest} below all, the store's range is read backwards and only that
     * many of it are decoded; with {@code members} (an incident) the values are its members' ({@link IncidentMember}):
     * public fields only, no JSON, no seal, no data key read.
     */
    private List<HistoryEntry> find(String prefix, Instant from, Instant to, Predicate<HistoryEntry> matches,
            String building, String residentHash, int newest, ComplaintId members) {
        String[] range = HistoryKeys.range(prefix, from, to);
        boolean all = newest == Integer.MAX_VALUE;
        Map<ComplaintId, HistoryEntry> found = new LinkedHashMap<>();
        int matched = 0;
        try (KeyValueIterator<String, byte[]> it = all ? store.range(range[0], range[1])
                : store.reverseRange(range[0], range[1])) {
            while (it.hasNext() && matched < newest) {
                KeyValue<String, byte[]> kv = it.next();
                ComplaintId id = HistoryKeys.id(kv.key);
                Own own = recent.get(id); // newer than the store's, and already decoded
                HistoryEntry entry = own == null ? decode(id, kv.value, members)
                        : own.keys().contains(kv.key) ? own.entry() : null;
                if (entry != null) {
                    found.put(id, entry);
                    matched += matches.test(entry) ? 1 : 0;
                }
            }
        }
        for (ComplaintId id : recentKeys.subMap(range[0], true, range[1], true).values()) {
            found.putIfAbsent(id, recent.get(id).entry());
        }
        if (upgrade != null) { // until the keys written before are rewritten, they are read as before
            for (HistoryEntry entry : upgrade.entries(building, residentHash, from, to)) {
                if (!recent.containsKey(entry.complaintId())) {
                    found.putIfAbsent(entry.complaintId(), entry);
                }
            }
        }
        var matching = found.values().stream().filter(matches);
        return all ? matching.toList() : matching.sorted(NEWEST_FIRST).limit(newest).toList();
    }

    private HistoryEntry decode(byte[] value) {
        return decode(null, value, null);
    }

    /** An entry read from the store; of an incident's {@code members}, its member value (JSON in a store of before). */
    private HistoryEntry decode(ComplaintId id, byte[] value, ComplaintId members) {
        decoded++;
        read.increment();
        if (members == null) {
            return codec.history(value);
        }
        HistoryEntry member = IncidentMember.read(id, members, value);
        return member != null ? member : codec.historyUnopened(value);
    }

    /** Kept until {@code RECENT} newer complaints were written; a complaint written again is the newest. */
    private void own(ComplaintId id, HistoryEntry entry) {
        Own before = recent.remove(id);
        if (before != null) {
            before.keys().forEach(recentKeys::remove);
        }
        List<String> keys = entry == null ? List.of() : HistoryKeys.derived(entry);
        recent.put(id, new Own(entry, keys));
        keys.forEach(key -> recentKeys.put(key, id));
        if (recent.size() > RECENT) {
            Iterator<Map.Entry<ComplaintId, Own>> eldest = recent.entrySet().iterator();
            eldest.next().getValue().keys().forEach(recentKeys::remove);
            eldest.remove();
        }
    }
}
