package io.hearken.desk.board;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.LocalStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Every complaint's events on the board, in its {@link LocalStore} (key: complaint id; value: the events in the
 * order they arrived, as snapshot JSON). Sealed like {@code complaints.state}: the resident's words and contact are
 * on disk only under their complaint's key, so an erasure (the key destroyed) also shreds what lies in the files.
 */
final class StoredHistories implements AutoCloseable {

    private final LocalStore store;
    private final Sealing sealing;

    StoredHistories(LocalStore store, Sealing sealing) {
        this.store = store;
        this.sealing = sealing;
    }

    /** The complaint's events by id, in the order they arrived; empty when it has none here. */
    LinkedHashMap<String, ComplaintEvent> read(ComplaintId id) {
        LinkedHashMap<String, ComplaintEvent> events = new LinkedHashMap<>();
        byte[] stored = store.get(id.value());
        if (stored != null) {
            for (ComplaintEvent event : SealedJson.read(sealing, stored, ComplaintSnapshot.class).events()) {
                events.put(event.eventId(), event);
            }
        }
        return events;
    }

    void write(ComplaintId id, Collection<ComplaintEvent> events) {
        store.put(id.value(), SealedJson.write(sealing, new ComplaintSnapshot(id, null, null, List.copyOf(events))));
    }

    void remove(ComplaintId id) {
        store.delete(id.value());
    }

    @Override
    public void close() {
        store.close();
    }
}
