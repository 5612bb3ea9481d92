package io.hearken.desk.board;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.LocalStore;
import java.util.Collection;
import java.util.LinkedHashMap;

/**
 * Every complaint's events on the board, in its {@link LocalStore}: one record per event (key
 * {@code <complaint id>/<arrival number>}, value the event's JSON), so a new event costs one write. Sealed like
 * {@code complaints.state}: the resident's words and contact are on disk only under their complaint's key, so an
 * erasure (the key destroyed) also shreds what lies in the files.
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
        store.forEach(prefix(id), (key, value) -> {
            ComplaintEvent event = SealedJson.read(sealing, value, ComplaintEvent.class);
            events.put(event.eventId(), event);
        });
        return events;
    }

    /** Stores the event as the complaint's {@code number}th (from 0) to arrive. */
    void append(ComplaintId id, int number, ComplaintEvent event) {
        store.put(prefix(id) + String.format("%06d", number), SealedJson.write(sealing, event));
    }

    /** Replaces everything stored of the complaint with these events (after an erasure). */
    void rewrite(ComplaintId id, Collection<ComplaintEvent> events) {
        remove(id);
        int number = 0;
        for (ComplaintEvent event : events) {
            append(id, number++, event);
        }
    }

    void remove(ComplaintId id) {
        store.deletePrefix(prefix(id));
    }

    @Override
    public void close() {
        store.close();
    }

    private static String prefix(ComplaintId id) {
        return id.value() + "/";
    }
}
