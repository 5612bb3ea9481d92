package io.hearken.router.streams;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.json.EventJson;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.routing.ComplaintState;

/** JSON of the router's stored records and of the events, with the contract's one mapper. */
final class StateCodec {

    private StateCodec() {
    }

    static byte[] write(Object value) {
        return EventJson.mapper().writeValueAsBytes(value);
    }

    static ComplaintEvent event(byte[] json) {
        return EventJson.mapper().readValue(json, ComplaintEvent.class);
    }

    static ComplaintState state(byte[] json) {
        return EventJson.mapper().readValue(json, ComplaintState.class);
    }

    static ComplaintSnapshot snapshot(byte[] json) {
        return EventJson.mapper().readValue(json, ComplaintSnapshot.class);
    }

    static HistoryEntry history(byte[] json) {
        return EventJson.mapper().readValue(json, HistoryEntry.class);
    }
}
