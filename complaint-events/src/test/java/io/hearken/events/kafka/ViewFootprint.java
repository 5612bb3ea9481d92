package io.hearken.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.LocalStore;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name does not end in Test): the heap a {@link CompactedTopicView} holds per entry with
 * its entries in memory and on disk, for records like the web's idempotency keys ({@code api:<key>} →
 * {@code <complaint id> <fingerprint>}, decoded into a record). Prints the figures; asserts no size or time.
 * {@code ./mvnw -B -ntp -q -pl complaint-events -am test -Dtest=ViewFootprint -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ViewFootprint {

    static final int ENTRIES = Integer.getInteger("footprint.complaints", 50_000);

    record Entry(String complaintId, String fingerprint) {
        static Entry decode(String text) {
            int space = text.indexOf(' ');
            return new Entry(text.substring(0, space), text.substring(space + 1));
        }
    }

    @Test
    void heapPerEntry() throws Exception {
        List<String> keys = new ArrayList<>(ENTRIES);
        List<String> texts = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            keys.add("api:" + java.util.UUID.randomUUID());
            texts.add("HK-20261206-" + String.format("%06d", i) + " " + String.format("%024x", i * 7919L));
        }
        long[] heap = fill(ViewValues.onHeap(), keys, texts);
        long[] disk = fill(ViewValues.onDisk(LocalStore.open(LocalStateProperties.defaults(), "view-footprint"),
                Entry::decode), keys, texts);
        System.out.printf("FOOTPRINT view entries=%d in memory=%d B/entry (%.1f µs to get) on disk=%d B/entry"
                + " (%.1f µs to get)%n", ENTRIES, heap[0] / ENTRIES, heap[1] / 1e3, disk[0] / ENTRIES, disk[1] / 1e3);
    }

    /** The heap the filled values hold, and the nanoseconds of one get (on average). */
    static long[] fill(ViewValues<Entry> values, List<String> keys, List<String> texts) throws Exception {
        try (values) {
            long base = heap();
            for (int i = 0; i < keys.size(); i++) {
                String text = new String(texts.get(i)); // read from a record: a string of its own
                values.put(new String(keys.get(i)), Entry.decode(text), text);
            }
            long used = heap() - base;
            assertThat(values.size()).isEqualTo(keys.size());
            long t0 = System.nanoTime();
            for (int i = 0; i < keys.size(); i += 10) {
                assertThat(values.get(keys.get(i))).isNotNull();
            }
            return new long[] {used, (System.nanoTime() - t0) / (keys.size() / 10)};
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
