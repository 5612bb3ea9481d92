package io.hearken.notifier.complaints;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.LocalStore;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The directory's records in its local store ({@link LocalStore}), two per complaint: {@code facts/<id>}, the
 * routing cut to {@link ComplaintFacts} and sealed like {@code complaints.state} (contact and subject open only with
 * the complaint's key, so an erasure also shreds what lies in the files), and the unsealed {@link TrackedComplaint}
 * under {@code open/<id>} or {@code done/<id>}, so the periodic updates walk only the open complaints.
 */
final class StoredComplaints implements AutoCloseable {

    private static final String FACTS = "facts/";
    private static final String OPEN = "open/";
    private static final String DONE = "done/";

    private final LocalStore store;
    private final Sealing sealing;

    StoredComplaints(LocalStore store, Sealing sealing) {
        this.store = store;
        this.sealing = sealing;
    }

    Optional<ComplaintFacts> facts(ComplaintId id) {
        byte[] value = store.get(FACTS + id.value());
        return value == null ? Optional.empty()
                : Optional.of(ComplaintFacts.of(SealedJson.read(sealing, value, ComplaintRouted.class)));
    }

    /** Whether the complaint's facts are here (without opening them). */
    boolean hasFacts(ComplaintId id) {
        return store.get(FACTS + id.value()) != null;
    }

    void putFacts(ComplaintRouted routed) {
        store.put(FACTS + routed.complaintId().value(), SealedJson.write(sealing, ComplaintFacts.stored(routed)));
    }

    Optional<TrackedComplaint> tracked(ComplaintId id) {
        byte[] value = store.get(OPEN + id.value());
        if (value == null) {
            value = store.get(DONE + id.value());
        }
        return Optional.ofNullable(value).map(StoredComplaints::read);
    }

    /** Stores {@code now} in place of {@code before} (null when it had no record). */
    void putTracked(TrackedComplaint now, TrackedComplaint before) {
        store.put((now.open() ? OPEN : DONE) + now.id().value(), EventJson.mapper().writeValueAsBytes(now));
        if (before != null && before.open() != now.open()) {
            store.delete((before.open() ? OPEN : DONE) + before.id().value());
        }
    }

    void remove(ComplaintId id) {
        store.delete(FACTS + id.value());
        store.delete(OPEN + id.value());
        store.delete(DONE + id.value());
    }

    /** Each complaint's record, the open ones only or all; one read at a time, nothing gathered. */
    void forEach(boolean openOnly, Consumer<TrackedComplaint> each) {
        store.forEach(OPEN, (key, value) -> each.accept(read(value)));
        if (!openOnly) {
            store.forEach(DONE, (key, value) -> each.accept(read(value)));
        }
    }

    /** Every value as it lies in the store, by key (for tests: nothing personal may be readable here). */
    void forEachRaw(BiConsumer<String, byte[]> each) {
        store.forEach("", each);
    }

    /** Closes the store (kept, see {@link ComplaintDirectory}). */
    @Override
    public void close() {
        store.close();
    }

    private static TrackedComplaint read(byte[] value) {
        return EventJson.mapper().readValue(value, TrackedComplaint.class);
    }
}
