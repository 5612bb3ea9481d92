package io.hearken.router.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.router.history.HistoryEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history look-ups on a real RocksDB store, as the router has it: a look-up reads (decodes) only the entries of
 * the building and the resident inside the window, however long the history; erasure finds a complaint's keys without
 * a scan; entries kept under the keys written before are rewritten.
 */
class RoutingHistoryTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);

    @TempDir
    Path dir;
    private KeyValueStore<String, byte[]> store;
    private final StateCodec codec = new StateCodec(InMemoryKeys.sealing());
    /** What the processor forwards to router.history, applied as the global store's loader does. */
    private final BiConsumer<String, byte[]> topic = (key, value) -> {
        if (value == null) {
            store.delete(key);
        } else {
            store.put(key, value);
        }
    };

    @BeforeEach
    void open() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "routing-history-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>(config, new TaskId(0, 0), dir.toFile());
        store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RouterTopology.HISTORY_STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aLookUpDecodesOnlyTheEntriesOfItsBuildingAndResidentInsideTheWindow() {
        Random random = new Random(16);
        List<HistoryEntry> all = new ArrayList<>();
        RoutingHistory writer = new RoutingHistory(store, codec);
        for (int i = 0; i < 6_000; i++) { // a year of complaints over 40 buildings and 300 residents
            HistoryEntry e = entry(i, START.plusMillis((long) (random.nextDouble() * YEAR.toMillis())),
                    "building" + random.nextInt(40), "resident" + random.nextInt(300));
            all.add(e);
            writer.write(e, topic);
        }
        Instant at = START.plus(Duration.ofDays(300));
        Instant from = at.minus(Duration.ofDays(30));
        // on the window's edges: both ends count, a millisecond outside does not
        for (Instant edge : List.of(from, at, from.minusMillis(1), at.plusMillis(1))) {
            HistoryEntry e = entry(all.size(), edge, "building7", null);
            all.add(e);
            writer.write(e, topic);
        }

        RoutingHistory reader = new RoutingHistory(store, codec); // after a restart: nothing of its own
        assertThat(reader.migrate(topic)).as("no entries under old keys").isFalse();
        List<HistoryEntry> found = reader.of("building7", "resident42", from, at);

        List<HistoryEntry> expected = new ArrayList<>(); // once under the building, once under the resident
        all.stream().filter(e -> "building7".equals(e.building()) && within(e, from, at)).forEach(expected::add);
        all.stream().filter(e -> "resident42".equals(e.residentHash()) && within(e, from, at)).forEach(expected::add);
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(found).extracting(HistoryEntry::at).contains(from, at).doesNotContain(from.minusMillis(1), at.plusMillis(1));
        long wholeHistory = all.stream().filter(e -> "building7".equals(e.building())
                || "resident42".equals(e.residentHash())).count();
        assertThat(reader.decoded()).as("entries decoded").isEqualTo(expected.size())
                .isLessThan(wholeHistory / 5);
    }

    @Test
    void anErasureFindsTheComplaintsKeysAndKeepsItsBuildingEntryWithoutTheResident() {
        RoutingHistory history = new RoutingHistory(store, codec);
        history.migrate(topic);
        HistoryEntry erased = entry(1, START, "3号楼", "resident1");
        history.write(erased, topic);
        history.write(entry(2, START, "3号楼", "resident1"), topic);

        RoutingHistory.Erasure erasure = new RoutingHistory(store, codec).erase(erased.complaintId());

        assertThat(erasure.keys()).containsExactlyInAnyOrderElementsOf(withIndex(HistoryKeys.of(erased), erased));
        assertThat(erasure.kept()).isEqualTo(new HistoryEntry(erased.complaintId(), START, "3号楼", null, null,
                "facility", null, null));
    }

    @Test
    void entriesUnderTheKeysWrittenBeforeAreFoundUntilRewrittenStepByStepAndThenUnderTheTimedKeys() {
        int complaints = RoutingHistory.MIGRATE_PER_STEP; // two old keys each: more than one step
        List<HistoryEntry> old = new ArrayList<>();
        for (int i = 0; i < complaints; i++) {
            HistoryEntry e = entry(i, START.plus(Duration.ofHours(i)), "building" + i % 3, "resident" + i % 7);
            old.add(e);
            store.put("b|" + e.building() + "|" + e.complaintId().value(), codec.write(e));
            store.put("r|" + e.residentHash() + "|" + e.complaintId().value(), codec.write(e));
        }
        Instant at = START.plus(Duration.ofHours(complaints));
        List<HistoryEntry> building0 = old.stream().filter(e -> e.building().equals("building0")).toList();

        RoutingHistory history = new RoutingHistory(store, codec);
        assertThat(history.of("building0", null, START, at)).as("before the rewrite").containsAll(building0);
        HistoryEntry erased = old.get(5);
        RoutingHistory.Erasure erasure = history.erase(erased.complaintId());
        String id = erased.complaintId().value();
        assertThat(erasure.keys()).as("erasure before the rewrite").contains("b|building2|" + id, "r|resident5|" + id);
        // as the processor applies it; the global store sees it only after the rewrite has read the old keys
        List<Map.Entry<String, byte[]>> lagging = new ArrayList<>();
        BiConsumer<String, byte[]> later = (key, value) -> lagging.add(new AbstractMap.SimpleEntry<>(key, value));
        erasure.keys().forEach(key -> history.delete(key, later));
        history.write(erasure.kept(), later);

        int steps = 1;
        while (history.migrate(topic)) {
            steps++;
        }
        lagging.forEach(record -> topic.accept(record.getKey(), record.getValue()));
        assertThat(steps).isGreaterThan(1);
        assertThat(keys("b|")).isEmpty();
        assertThat(keys("r|")).isEmpty();
        RoutingHistory restarted = new RoutingHistory(store, codec);
        restarted.migrate(topic);
        assertThat(restarted.of("building0", null, START, at)).containsExactlyInAnyOrderElementsOf(building0);
        String time = HistoryKeys.time(erased.at());
        assertThat(restarted.erase(erased.complaintId()).keys()).as("the erased complaint: not rewritten with its resident")
                .containsExactlyInAnyOrder("bt|building2|" + time + "|" + id, "id|" + id);
        assertThat(keys("rt|resident5|")).noneMatch(key -> key.endsWith(id));
    }

    private List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        try (var it = store.prefixScan(prefix, new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    private static List<String> withIndex(List<String> keys, HistoryEntry e) {
        List<String> all = new ArrayList<>(keys);
        all.add(HistoryKeys.complaint(e.complaintId()));
        return all;
    }

    private static boolean within(HistoryEntry e, Instant from, Instant to) {
        return !e.at().isBefore(from) && !e.at().isAfter(to);
    }

    private static HistoryEntry entry(int n, Instant at, String building, String resident) {
        return new HistoryEntry(id(n), at, building, "101", resident, "facility", "水管漏水 " + n, null);
    }

    /** The n-th tracking id (base 32 in the ids' alphabet). */
    private static ComplaintId id(int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 8; i++, n /= 32) {
            digits.insert(0, ComplaintId.ALPHABET.charAt(n % 32));
        }
        return ComplaintId.of("HK-" + digits.substring(0, 4) + "-" + digits.substring(4));
    }
}
