package io.hearken.desk.board;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.LocalStore;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every complaint's summary on the board, in the board's {@link LocalStore} beside its events (key
 * {@code summary/<complaint id>}, one record rewritten at each event): what a queue lists and searches, read back
 * per complaint it picks. The resident's part is sealed under the complaint's data key ({@link StoredSummary}), so
 * an erasure shreds it in the files too.
 */
final class StoredSummaries {

    private static final String PREFIX = "summary/";

    private final LocalStore store;
    private final Sealing sealing;
    /** Summaries read back so far: what a queue page costs (the tests count it). */
    private final LongAdder reads = new LongAdder();

    StoredSummaries(LocalStore store, Sealing sealing) {
        this.store = store;
        this.sealing = sealing;
    }

    void write(ComplaintSummary summary, ComplaintReceived received) {
        store.put(key(summary.id()), StoredSummary.write(sealing, summary, received));
    }

    /** The complaint's summary; null when the board has none. */
    ComplaintSummary read(ComplaintId id) {
        reads.increment();
        byte[] value = store.get(key(id));
        return value == null ? null : StoredSummary.read(sealing, id, value);
    }

    /** Each complaint's summary without the resident's part (nothing unsealed): what its row in memory needs. */
    void forEachRow(java.util.function.BiConsumer<ComplaintId, ComplaintSummary> each) {
        store.forEach(PREFIX, (key, value) -> {
            ComplaintId id = new ComplaintId(key.substring(PREFIX.length()));
            each.accept(id, StoredSummary.read(null, id, value));
        });
    }

    long reads() {
        return reads.sum();
    }

    void remove(ComplaintId id) {
        store.delete(key(id));
    }

    /** The bytes of every summary stored (keys and values), for the footprint. */
    long bytes() {
        long[] bytes = {0};
        store.forEach(PREFIX, (key, value) -> bytes[0] += key.length() + value.length);
        return bytes[0];
    }

    private static String key(ComplaintId id) {
        return PREFIX + id.value();
    }
}
