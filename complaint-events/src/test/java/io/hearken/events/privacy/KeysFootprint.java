package io.hearken.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.DataKeys.DataKeyRecord;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.LocalStore;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name does not end in Test): the heap the known data keys hold per complaint, as
 * {@link KnownKeys} held them before (every record and both indexes in maps) and now (in a {@link LocalStore};
 * bounded caches on the heap), and the cost of opening a key that is not cached. Prints the figures
 * (docs/BENCHMARKS.md); asserts no size or time.
 * {@code ./mvnw -B -ntp -q -pl complaint-events -am test -Dtest=KeysFootprint -Dsurefire.failIfNoSpecifiedTests=false}
 */
class KeysFootprint {

    static final int COMPLAINTS = Integer.getInteger("footprint.complaints", 50_000);

    @Test
    void heapPerKey() throws Exception {
        KeyWrapping wrapping = new KeyWrapping(MasterKey.fromBase64(SealingTest.MASTER));
        List<String> refs = new ArrayList<>(COMPLAINTS);
        List<byte[]> records = new ArrayList<>(COMPLAINTS);
        for (int i = 0; i < COMPLAINTS; i++) { // as on privacy.keys: a complaint's key naming its e-mail and phone
            String owner = "HK-20261206-" + String.format("%06d", i);
            KeyWrapping.NewKey key = wrapping.create(owner);
            refs.add(key.ref());
            records.add(EventJson.mapper().writeValueAsBytes(new DataKeyRecord(owner, List.of(
                    SealingTest.HASHING.hash("resident" + i + "@example.com"),
                    SealingTest.HASHING.hash("138" + String.format("%08d", i))), Instant.now(), key.wrapped())));
        }
        long base = heap();
        long[] after = onDisk(wrapping, refs, records, base);
        base = heap();
        OldKnownKeys before = new OldKnownKeys();
        long t0 = System.nanoTime();
        for (int i = 0; i < COMPLAINTS; i++) {
            before.remember(EventJson.mapper().readValue(records.get(i), DataKeyRecord.class), refs.get(i));
        }
        long beforeNanos = System.nanoTime() - t0;
        long beforeBytes = heap() - base;
        assertThat(before.keys).hasSize(COMPLAINTS);
        System.out.printf("FOOTPRINT keys=%d before=%d B/key (%.1f µs each to remember) after=%d B/key"
                + " (%.1f µs each to remember); %d keys opened: %d B each in the caches; newest key: %.1f µs"
                + " from disk, %.1f µs cached%n", COMPLAINTS, beforeBytes / COMPLAINTS, beforeNanos / 1e3 / COMPLAINTS,
                after[0] / COMPLAINTS, after[1] / 1e3 / COMPLAINTS, OPENED, after[2] / OPENED, after[3] / 1e3,
                after[4] / 1e3);
    }

    static final int OPENED = Math.min(COMPLAINTS, 5_000);

    /** Heap and nanoseconds with the keys on disk: held, to remember all, held by the caches, newest (uncached, cached). */
    static long[] onDisk(KeyWrapping wrapping, List<String> refs, List<byte[]> records, long base) throws Exception {
        LocalStore store = LocalStore.open(LocalStateProperties.defaults(), "data-keys");
        try (KnownKeys after = new KnownKeys(wrapping, store)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < refs.size(); i++) {
                after.accept(refs.get(i), records.get(i), 0L);
            }
            long afterNanos = System.nanoTime() - t0;
            long afterBytes = heap() - base;
            long[] newest = new long[2];
            for (int round = 0; round < 2; round++) { // the first from disk (read and unwrapped), then cached
                t0 = System.nanoTime();
                for (int i = 0; i < OPENED; i++) {
                    assertThat(after.newest(refs.get(i).substring(0, refs.get(i).lastIndexOf('/')))).isNotNull();
                }
                newest[round] = (System.nanoTime() - t0) / OPENED;
            }
            long caches = heap() - base - afterBytes;
            long disk;
            try (var files = java.nio.file.Files.walk(store.folder())) {
                disk = files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            System.out.printf("FOOTPRINT keys on disk: %d B/key (the files; what is still in the memtables, up to 16 MB, not counted)%n",
                    disk / refs.size());
            return new long[] {afterBytes, afterNanos, caches, newest[0], newest[1]};
        }
    }

    /** What KnownKeys held before (commit bd1fe12): every record and both indexes in maps. */
    static final class OldKnownKeys {
        final Map<String, Map<Integer, DataKeyRecord>> keys = new ConcurrentHashMap<>();
        final Map<String, Set<String>> ownersBySubject = new ConcurrentHashMap<>();
        final Map<String, Set<String>> subjectsByOwner = new ConcurrentHashMap<>();

        void remember(DataKeyRecord record, String ref) {
            int keyId = Integer.parseInt(ref.substring(ref.lastIndexOf('/') + 1));
            keys.computeIfAbsent(record.owner(), o -> new ConcurrentHashMap<>()).put(keyId, record);
            for (String subject : record.subjects()) {
                ownersBySubject.computeIfAbsent(subject, s -> ConcurrentHashMap.newKeySet()).add(record.owner());
                subjectsByOwner.computeIfAbsent(record.owner(), o -> ConcurrentHashMap.newKeySet()).add(subject);
            }
        }
    }

    static long heap() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
