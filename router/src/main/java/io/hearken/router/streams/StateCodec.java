package io.hearken.router.streams;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.privacy.Sealing;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.routing.ComplaintState;

/**
 * JSON of the router's stored records and of the events, with the contract's one mapper and personal fields sealed
 * ({@link Sealing}): the changelogs, {@code router.history} and every topic the router writes hold ciphertext only,
 * and an erased complaint's records lose their personal fields wherever they are read back.
 */
final class StateCodec {

    private final Sealing sealing;

    StateCodec(Sealing sealing) {
        this.sealing = sealing;
    }

    byte[] write(Object value) {
        return SealedJson.write(sealing, value);
    }

    ComplaintEvent event(byte[] json) {
        return SealedJson.read(sealing, json, ComplaintEvent.class);
    }

    ComplaintState state(byte[] json) {
        return SealedJson.read(sealing, json, ComplaintState.class);
    }

    ComplaintSnapshot snapshot(byte[] json) {
        return SealedJson.read(sealing, json, ComplaintSnapshot.class);
    }

    HistoryEntry history(byte[] json) {
        return SealedJson.read(sealing, json, HistoryEntry.class);
    }
}
