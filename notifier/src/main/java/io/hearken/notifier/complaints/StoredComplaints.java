package io.hearken.notifier.complaints;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.LocalStore;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The directory's records in its {@link LocalStore}, two per complaint: {@code facts/<id>}, the routing cut to
 * {@link ComplaintFacts} and sealed like {@code complaints.state} (contact and subject open only with the
 * complaint's key, so an erasure also shreds what lies in the files), and the unsealed {@link TrackedComplaint}
 * under {@code open/<id>} or {@code done/<id>}, so the periodic updates walk only the open complaints.
 */
final class StoredComplaints implements AutoCloseable {

    private static final String FACTS = "facts/";
    private static final String OPEN = "open/";
    private static final String DONE = "done/";

    private final LocalStore store;
    private final Sealing sealing;
    /** Native calls on a closed RocksDB crash the JVM: every access holds the read lock, closing the write lock. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    StoredComplaints(LocalStore store, Sealing sealing) {
        this.store = store;
        this.sealing = sealing;
    }

    Optional<ComplaintFacts> facts(ComplaintId id) {
        byte[] value = guarded(() -> store.get(FACTS + id.value()));
        return value == null ? Optional.empty()
                : Optional.of(ComplaintFacts.of(SealedJson.read(sealing, value, ComplaintRouted.class)));
    }

    /** Whether the complaint's facts are here (without opening them). */
    boolean hasFacts(ComplaintId id) {
        return guarded(() -> store.get(FACTS + id.value())) != null;
    }

    void putFacts(ComplaintRouted routed) {
        byte[] sealed = SealedJson.write(sealing, ComplaintFacts.stored(routed));
        guarded(() -> {
            store.put(FACTS + routed.complaintId().value(), sealed);
            return null;
        });
    }

    Optional<TrackedComplaint> tracked(ComplaintId id) {
        return guarded(() -> {
            byte[] value = store.get(OPEN + id.value());
            return Optional.ofNullable(value != null ? value : store.get(DONE + id.value()));
        }).map(StoredComplaints::read);
    }

    /** Stores {@code now} in place of {@code before} (null when it had no record). */
    void putTracked(TrackedComplaint now, TrackedComplaint before) {
        byte[] value = EventJson.mapper().writeValueAsBytes(now);
        guarded(() -> {
            store.put((now.open() ? OPEN : DONE) + now.id().value(), value);
            if (before != null && before.open() != now.open()) {
                store.delete((before.open() ? OPEN : DONE) + before.id().value());
            }
            return null;
        });
    }

    void remove(ComplaintId id) {
        guarded(() -> {
            store.delete(FACTS + id.value());
            store.delete(OPEN + id.value());
            store.delete(DONE + id.value());
            return null;
        });
    }

    /** Each complaint's record, the open ones only or all; one read at a time, nothing gathered. */
    void forEach(boolean openOnly, Consumer<TrackedComplaint> each) {
        guarded(() -> {
            store.forEach(OPEN, (key, value) -> each.accept(read(value)));
            if (!openOnly) {
                store.forEach(DONE, (key, value) -> each.accept(read(value)));
            }
            return null;
        });
    }

    /** Every value as it lies in the store, by key (for tests: nothing personal may be readable here). */
    void forEachRaw(java.util.function.BiConsumer<String, byte[]> each) {
        guarded(() -> {
            store.forEach("", each);
            return null;
        });
    }

    /** Closes the store (its folder is deleted); later calls fail instead of touching freed native memory. */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                store.close();
            }
        } finally {
            closing.writeLock().unlock();
        }
    }

    private <T> T guarded(Supplier<T> access) {
        closing.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("The notifier's complaint directory is closed");
            }
            return access.get();
        } finally {
            closing.readLock().unlock();
        }
    }

    private static TrackedComplaint read(byte[] value) {
        return EventJson.mapper().readValue(value, TrackedComplaint.class);
    }
}
