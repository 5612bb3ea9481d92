package io.hearken.router.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.HistoryIndex;
import io.hearken.router.history.LinkingComplaint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history look-ups on a real RocksDB store, as the router has it: a look-up reads (decodes) only the entries that
 * can match, however long the history; erasure finds a complaint's keys without a scan; entries kept under the keys
 * written before are rewritten; old entries are pruned in bounded steps.
 */
class RoutingHistoryTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);
    private static final List<String> CATEGORIES = List.of("facility", "noise", "fees", "pests", "environment", "other");

    @TempDir
    Path dir;
    private HistoryStore history;
    private BiConsumer<String, byte[]> topic;

    @BeforeEach
    void open() {
        history = new HistoryStore(dir);
        topic = history.topic;
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void aLookUpDecodesOnlyTheEntriesThatCanMatch() {
        Random random = new Random(16);
        List<HistoryEntry> all = new ArrayList<>();
        RoutingHistory writer = history.history();
        for (int i = 0; i < 6_000; i++) { // a year of complaints over 10 buildings, their units and 300 residents
            HistoryEntry e = new HistoryEntry(HistoryStore.id(i),
                    START.plusMillis((long) (random.nextDouble() * YEAR.toMillis())), "building" + random.nextInt(10),
                    String.valueOf(100 + random.nextInt(20)), "resident" + random.nextInt(300),
                    CATEGORIES.get(random.nextInt(CATEGORIES.size())), "水管漏水 " + i, null);
            all.add(e);
            writer.write(e, topic);
        }
        Instant at = START.plus(Duration.ofDays(300));
        Instant from = at.minus(Duration.ofDays(30));
        // on the window's edges: both ends count, a millisecond outside does not
        for (Instant edge : List.of(from, at, from.minusMillis(1), at.plusMillis(1))) {
            HistoryEntry e = new HistoryEntry(HistoryStore.id(all.size()), edge, "building7", "107", null, "noise", "吵",
                    null);
            all.add(e);
            writer.write(e, topic);
        }
        HistoryEntry current = new HistoryEntry(ComplaintId.of("HK-ZZZZ-ZZZZ"), at, "building7", "107", "resident42",
                "noise", "楼上太吵", null);
        LinkingComplaint linking = new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3);
        CountingIndex listed = new CountingIndex(HistoryIndex.of(all));

        RoutingHistory reader = history.history(); // after a restart: nothing of its own
        assertThat(reader.migrate(topic)).as("no entries under old keys").isFalse();
        assertThat(linking.link(current, reader)).isEqualTo(linking.link(current, listed));

        long before = all.stream().filter(e -> within(e, from, at)
                && ("building7".equals(e.building()) || "resident42".equals(e.residentHash()))).count();
        assertThat(reader.decoded()).as("entries decoded: those that can match, of %s read before", before)
                .isEqualTo(listed.returned).isPositive().isLessThan(before / 5);
        assertThat(reader.samePlace("building7", "107", from, at)).extracting(HistoryEntry::at)
                .contains(from, at).doesNotContain(from.minusMillis(1), at.plusMillis(1));
    }

    @Test
    void aCrowdedWindowIsComparedUpToItsNewestCandidatesAndTheSameAsBeforeWhileItHoldsNoMore() {
        Instant at = START.plus(Duration.ofHours(1));
        List<String> texts = List.of("电梯坏了停在五楼不动", "水管漏水了", "暖气不热", "路灯坏了", "停水了没有通知",
                "卫生间漏水", "门口灯不亮", "水压太低", "电梯坏了停在五楼", "暖气片漏水", "窗户关不上", "下水道堵了");
        RoutingHistory writer = history.history();
        writer.migrate(topic);
        RoutingHistory reader = history.history(); // the task that looks up: its newest two are its own, not stored yet
        List<HistoryEntry> all = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) { // the most similar the oldest, the second most similar the fourth newest
            HistoryEntry e = new HistoryEntry(HistoryStore.id(i), START.plus(Duration.ofMinutes(i)), "3号楼",
                    String.valueOf(101 + i), "resident" + i, "facility", texts.get(i), null);
            all.add(e);
            if (i < 10) {
                writer.write(e, topic);
            } else {
                reader.write(e, (key, value) -> { });
            }
        }
        all.add(new HistoryEntry(HistoryStore.id(99), START.plus(Duration.ofMinutes(5)), "3号楼", "101", "resident99",
                "noise", "电梯坏了停在五楼不动", null)); // another category: never a candidate
        writer.write(all.get(all.size() - 1), topic);
        HistoryEntry current = new HistoryEntry(ComplaintId.of("HK-ZZZZ-ZZZZ"), at, "3号楼", "808", "resident2",
                "facility", "电梯坏了一直停在五楼不动", null);
        LinkingComplaint.Result before = linking(200).link(current, all);
        assertThat(before.relatedTo()).isEqualTo(HistoryStore.id(0));
        assertThat(before.repeatOf()).containsExactly(HistoryStore.id(2));

        for (int candidates : List.of(12, 13, 200)) { // the window holds 12: the same as every candidate compared
            assertThat(linking(candidates).link(current, reader)).as("%d candidates", candidates).isEqualTo(before);
        }
        long decoded = reader.decoded();
        assertThat(reader.sameCategory("3号楼", "facility", START, at, 5)).as("the newest five, own writes among them")
                .extracting(HistoryEntry::complaintId).containsExactly(HistoryStore.id(11), HistoryStore.id(10),
                        HistoryStore.id(9), HistoryStore.id(8), HistoryStore.id(7));
        assertThat(reader.decoded() - decoded).as("only the newest read from the store").isEqualTo(5);
        LinkingComplaint.Result newest = linking(5).link(current, reader);
        assertThat(newest.relatedTo()).as("above the limit: the most similar of the newest").isEqualTo(HistoryStore.id(8));
        assertThat(newest.similarity()).isLessThan(before.similarity()).isGreaterThanOrEqualTo(0.3);
        assertThat(linking(3).link(current, reader).relatedTo()).as("none similar among the newest three").isNull();
        assertThat(linking(3).link(current, reader).repeatOf()).as("repeats are not limited")
                .isEqualTo(before.repeatOf());
    }

    @Test
    void anIncidentsMembersAreCountedWithoutOpeningTheirSeals() throws Exception {
        CountingKeys keys = new CountingKeys();
        try (HistoryStore sealed = new HistoryStore(dir.resolve("counted"),
                new io.hearken.events.privacy.Sealing(() -> keys, java.util.Optional::empty,
                        io.hearken.events.json.EventJson.mapper()))) {
            RoutingHistory writer = sealed.history();
            writer.migrate(sealed.topic);
            ComplaintId master = HistoryStore.id(0);
            for (int i = 0; i < 6; i++) {
                writer.write(new HistoryEntry(HistoryStore.id(i), START.plusSeconds(i), "3号楼", "10" + i,
                        "resident" + i, "facility", "电梯坏了 " + i, i == 0 ? null : master, i == 3 ? true : null),
                        sealed.topic);
            }
            RoutingHistory reader = sealed.history();
            int opened = keys.opened.get();
            List<HistoryEntry> members = reader.incident(master, "3号楼", null, START, START.plusSeconds(10));
            assertThat(members).hasSize(6).allMatch(e -> e.text() == null && e.unit() == null);
            assertThat(members).filteredOn(HistoryEntry::wasEscalated).extracting(HistoryEntry::complaintId)
                    .containsExactly(HistoryStore.id(3));
            assertThat(keys.opened.get()).as("no data key asked for").isEqualTo(opened);
            assertThat(reader.sameCategory("3号楼", "facility", START, START.plusSeconds(10)))
                    .allMatch(e -> e.text() != null).hasSize(6);
            assertThat(keys.opened.get()).as("duplicate candidates are opened").isEqualTo(opened + 6);
        }
    }

    /** In-memory keys that count the keys asked for to open a seal. */
    private static final class CountingKeys implements io.hearken.events.privacy.SealingKeys {
        private final io.hearken.events.privacy.InMemoryKeys keys = new io.hearken.events.privacy.InMemoryKeys();
        final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Sealer sealer(String owner, List<String> subjects) {
            return keys.sealer(owner, subjects);
        }

        @Override
        public java.util.Optional<com.google.crypto.tink.Aead> opener(String owner, int keyId) {
            opened.incrementAndGet();
            return keys.opener(owner, keyId);
        }
    }

    private static LinkingComplaint linking(int candidates) {
        return new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3, candidates);
    }

    @Test
    void anErasureKeepsTheBuildingEntryWithoutResidentUnitOrWordsAndLeavesNoKeyOfThem() {
        RoutingHistory history = this.history.history();
        history.migrate(topic);
        HistoryEntry erased = entry(1, START, "3号楼", "resident1");
        history.write(erased, topic);
        history.write(entry(2, START, "3号楼", "resident1"), topic);
        HistoryEntry nowhere = entry(3, START, null, "resident1");
        history.write(nowhere, topic);

        RoutingHistory restarted = this.history.history();
        RoutingHistory.Erasure erasure = restarted.erase(erased.complaintId());
        assertThat(erasure.keys()).as("rewritten, not deleted").isEmpty();
        assertThat(erasure.kept()).isEqualTo(new HistoryEntry(erased.complaintId(), START, "3号楼", null, null,
                "facility", null, null));
        restarted.write(erasure.kept(), topic);
        RoutingHistory.Erasure gone = restarted.erase(nowhere.complaintId());
        assertThat(gone.kept()).isNull();
        assertThat(gone.keys()).containsExactly(HistoryKeys.entry(nowhere.complaintId()));
        gone.keys().forEach(key -> restarted.delete(key, topic));

        Instant to = START.plusSeconds(1);
        RoutingHistory reader = this.history.history();
        assertThat(reader.sameResident("resident1", START, to)).extracting(HistoryEntry::complaintId)
                .containsExactly(HistoryStore.id(2));
        assertThat(reader.samePlace("3号楼", "101", START, to)).extracting(HistoryEntry::complaintId)
                .containsExactly(HistoryStore.id(2));
        assertThat(reader.samePlace("3号楼", null, START, to)).containsExactly(erasure.kept());
        assertThat(this.history.keys("")).as("no key of the erased resident's complaints")
                .noneMatch(key -> key.endsWith(nowhere.complaintId().value()))
                .filteredOn(key -> key.endsWith(erased.complaintId().value()))
                .noneMatch(key -> key.startsWith(HistoryKeys.SAME_RESIDENT))
                .noneMatch(key -> key.startsWith(HistoryKeys.samePlace("3号楼", "101")));
    }

    @Test
    void entriesUnderTheKeysWrittenBeforeAreFoundUntilRewrittenStepByStepAndThenUnderTheirOwnRecord() {
        int complaints = HistoryUpgrade.PER_STEP; // three old keys each (two before that): more than one step
        List<HistoryEntry> old = new ArrayList<>();
        for (int i = 0; i < complaints; i++) {
            HistoryEntry e = entry(i, START.plus(Duration.ofHours(i)), "building" + i % 3, "resident" + i % 7);
            old.add(e);
            String id = e.complaintId().value();
            String time = HistoryKeys.time(e.at());
            if (i % 4 == 0) { // the layout before that one
                topic.accept("b|" + e.building() + "|" + id, history.codec.write(e));
                topic.accept("r|" + e.residentHash() + "|" + id, history.codec.write(e));
            } else {
                topic.accept("bt|" + e.building() + "|" + time + "|" + id, history.codec.write(e));
                topic.accept("rt|" + e.residentHash() + "|" + time + "|" + id, history.codec.write(e));
                topic.accept("id|" + id, history.codec.write(new HistoryEntry(e.complaintId(), e.at(), e.building(),
                        null, e.residentHash(), null, null, null)));
            }
        }
        Instant at = START.plus(Duration.ofHours(complaints));
        List<HistoryEntry> building0 = old.stream().filter(e -> e.building().equals("building0")).toList();

        RoutingHistory routing = history.history();
        assertThat(routing.sameCategory("building0", "facility", START, at)).as("before the rewrite")
                .containsExactlyInAnyOrderElementsOf(building0);
        List<HistoryEntry> erasedOnes = List.of(old.get(4), old.get(5)); // one of each layout
        // as the processor applies it; the global store sees it only after the rewrite has read the old keys
        List<Map.Entry<String, byte[]>> lagging = new ArrayList<>();
        BiConsumer<String, byte[]> later = (key, value) -> lagging.add(new AbstractMap.SimpleEntry<>(key, value));
        for (HistoryEntry erased : erasedOnes) {
            RoutingHistory.Erasure erasure = routing.erase(erased.complaintId());
            assertThat(erasure.keys()).as("erasure before the rewrite").anyMatch(key -> key.contains("resident"));
            erasure.keys().forEach(key -> routing.delete(key, later));
            routing.write(erasure.kept(), later);
        }

        int steps = 1;
        while (routing.migrate(topic)) {
            steps++;
        }
        lagging.forEach(record -> topic.accept(record.getKey(), record.getValue()));
        assertThat(steps).isGreaterThan(1);
        for (String legacy : HistoryKeys.LEGACY) {
            assertThat(history.keys(legacy)).as(legacy).isEmpty();
        }
        RoutingHistory restarted = history.history();
        assertThat(restarted.migrate(topic)).isFalse();
        assertThat(restarted.sameCategory("building0", "facility", START, at))
                .containsExactlyInAnyOrderElementsOf(building0);
        assertThat(restarted.sameResident("resident3", START, at)).extracting(HistoryEntry::complaintId)
                .containsExactlyInAnyOrderElementsOf(old.stream().filter(e -> e.residentHash().equals("resident3"))
                        .map(HistoryEntry::complaintId).filter(id -> !erasedOnes.get(0).complaintId().equals(id)
                                && !erasedOnes.get(1).complaintId().equals(id)).toList());
        for (HistoryEntry erased : erasedOnes) {
            assertThat(restarted.entry(erased.complaintId())).as("not rewritten with its resident")
                    .isEqualTo(new HistoryEntry(erased.complaintId(), erased.at(), erased.building(), null, null,
                            "facility", null, null));
        }
    }

    @Test
    void entriesOlderThanTheCutAreDeletedInBoundedStepsWithEveryKeyOfThem() {
        RoutingHistory routing = history.history();
        routing.migrate(topic);
        List<HistoryEntry> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            HistoryEntry e = entry(i, START.plus(Duration.ofHours(i)), "building" + i % 3, "resident" + i % 7);
            all.add(e);
            routing.write(e, topic);
        }
        Instant cut = START.plus(Duration.ofHours(300));
        List<Integer> steps = new ArrayList<>();
        int pruned;
        while ((pruned = routing.prune(cut, 64, topic)) > 0) {
            steps.add(pruned);
        }
        assertThat(steps).hasSize(5).allMatch(n -> n <= 64);
        assertThat(steps.stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(routing.prune(cut, 64, topic)).as("none left").isZero();

        RoutingHistory reader = history.history();
        for (String prefix : List.of(HistoryKeys.ENTRY, HistoryKeys.DERIVED, HistoryKeys.TIME, HistoryKeys.SAME_CATEGORY,
                HistoryKeys.SAME_PLACE, HistoryKeys.SAME_RESIDENT, HistoryKeys.INCIDENT)) {
            assertThat(history.keys(prefix)).as(prefix).hasSize(200); // each entry has every key
        }
        assertThat(reader.sameResident("resident3", START, START.plus(Duration.ofDays(30))))
                .allMatch(e -> !e.at().isBefore(cut)).isNotEmpty();
        HistoryEntry kept = all.get(400);
        RoutingHistory.Erasure erasure = reader.erase(kept.complaintId());
        assertThat(erasure.kept()).as("erasure after pruning").isNotNull();
        assertThat(reader.erase(all.get(10).complaintId()).kept()).as("a pruned complaint: nothing left").isNull();
    }

    private static boolean within(HistoryEntry e, Instant from, Instant to) {
        return !e.at().isBefore(from) && !e.at().isAfter(to);
    }

    private static HistoryEntry entry(int n, Instant at, String building, String resident) {
        return new HistoryEntry(HistoryStore.id(n), at, building, "101", resident, "facility", "水管漏水 " + n, null);
    }

    /** A {@link HistoryIndex} that counts the entries it returns. */
    private static final class CountingIndex implements HistoryIndex {
        private final HistoryIndex index;
        long returned;

        CountingIndex(HistoryIndex index) {
            this.index = index;
        }

        private List<HistoryEntry> count(List<HistoryEntry> entries) {
            returned += entries.size();
            return entries;
        }

        @Override
        public List<HistoryEntry> sameCategory(String building, String category, Instant from, Instant to) {
            return count(index.sameCategory(building, category, from, to));
        }

        @Override
        public List<HistoryEntry> samePlace(String building, String unit, Instant from, Instant to) {
            return count(index.samePlace(building, unit, from, to));
        }

        @Override
        public List<HistoryEntry> sameResident(String residentHash, Instant from, Instant to) {
            return count(index.sameResident(residentHash, from, to));
        }

        @Override
        public List<HistoryEntry> incident(ComplaintId incident, String building, String residentHash, Instant from,
                Instant to) {
            return count(index.incident(incident, building, residentHash, from, to));
        }
    }
}
