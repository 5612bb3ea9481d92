package io.hearken.router.streams;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.privacy.Sealing;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.routing.ComplaintState;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * A {@code router-complaints} record and its snapshot as {@code complaints.state} holds it, the snapshot sealed
     * once for both: the record holds the very same sealed snapshot (sealing passes over what is sealed already).
     * Writing the snapshot a second time for {@code complaints.state} was 3 % of the router thread's CPU.
     */
    Written writeKept(KeptComplaint kept) {
        if (kept.snapshot() == null) {
            return new Written(write(kept), null);
        }
        JsonMapper mapper = EventJson.mapper();
        JsonNode snapshot = sealing.seal(mapper.valueToTree(kept.snapshot()));
        byte[] published = mapper.writeValueAsBytes(snapshot);
        ObjectNode record = mapper.valueToTree(new KeptComplaint(kept.due(), kept.state(), null));
        record.set("snapshot", snapshot); // the last field, where the record's own would be
        return new Written(mapper.writeValueAsBytes(sealing.seal(record)), published);
    }

    /** A {@code router-complaints} record and its snapshot's {@code complaints.state} record (null without one). */
    record Written(byte[] record, byte[] snapshot) {
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

    /** A {@code router-complaints} record; one written before (the state alone) comes back without its snapshot. */
    KeptComplaint kept(byte[] json) {
        JsonNode tree = sealing.open(EventJson.mapper().readTree(json));
        if (tree.has("complaintId")) {
            return new KeptComplaint(null, EventJson.mapper().treeToValue(tree, ComplaintState.class), null);
        }
        return EventJson.mapper().treeToValue(tree, KeptComplaint.class);
    }

    /**
     * The next SLA check of a {@code router-complaints} record, read without opening its sealed fields (the copy
     * first in the record), and whether the record was written before it held the snapshot too (then from its state).
     */
    Indexed indexed(byte[] json) {
        JsonNode tree = EventJson.mapper().readTree(json);
        if (tree.has("complaintId")) {
            return new Indexed(KeptComplaint.dueOf(state(json)), true);
        }
        JsonNode due = tree.get("due");
        return new Indexed(due == null || !due.isNumber() ? null : due.asLong(), false);
    }

    record Indexed(Long due, boolean legacy) {
    }

    HistoryEntry history(byte[] json) {
        return SealedJson.read(sealing, json, HistoryEntry.class);
    }

    /**
     * A history entry's public fields only (no unit, no text): its seal is dropped unopened, so no data key is read.
     * Enough where only who, where, when and which incident count (an incident's members, as a store filled before
     * holds them; now {@link IncidentMember}).
     */
    HistoryEntry historyUnopened(byte[] json) {
        return UNOPENED.readValue(json); // straight to the record, no tree: the seal is an unknown property, skipped
    }

    private static final ObjectReader UNOPENED = EventJson.mapper().readerFor(HistoryEntry.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
}
