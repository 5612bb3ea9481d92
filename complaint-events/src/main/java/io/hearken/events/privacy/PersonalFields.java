package io.hearken.events.privacy;

import io.hearken.events.json.EventJson;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Which fields of which record hold a resident's personal data (name, contacts, their own words, the unit,
 * coordinates, attachments, an address) and are therefore sealed on Kafka ({@link Sealing}). Keyed by the record's
 * JSON type id; a dotted name is a field of a nested object ({@code place.unit}). Staff names and the building stay
 * readable: they route, count and audit, and are not the resident's. A new event type with personal data must be
 * listed here (docs/privacy.md); {@code PersonalFieldsTest} checks every event type is either listed or has none.
 */
public final class PersonalFields {

    private static final Map<String, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry("complaint-received", List.of("contact", "subject", "description", "attachments", "details",
                    "place.unit", "place.address", "place.latitude", "place.longitude")),
            Map.entry("follow-up-received", List.of("text", "attachments")),
            Map.entry("feedback-given", List.of("comment")),
            Map.entry("progress-noted", List.of("note", "attachments")),
            Map.entry("information-requested", List.of("question", "attachments")),
            Map.entry("complaint-resolved", List.of("resolution", "attachments")),
            Map.entry("complaint-reopened", List.of("reason")),
            Map.entry("complaint-reassigned", List.of("reason")),
            Map.entry("complaint-escalated", List.of("reason")),
            Map.entry("classification-corrected", List.of("reason")),
            Map.entry("return-visit-recorded", List.of("notes")),
            Map.entry("notification-sent", List.of("recipient", "detail")),
            Map.entry("notification-not-sent", List.of("detail")),
            Map.entry("mail-bounced", List.of("address", "reason")),
            Map.entry("history-entry", List.of("unit", "text")));

    private PersonalFields() {
    }

    /** The personal fields of the record with this type id; empty for a record without any. */
    public static List<String> of(String type) {
        return type == null ? List.of() : BY_TYPE.getOrDefault(type, List.of());
    }

    /** Every type id listed. */
    public static java.util.Set<String> types() {
        return BY_TYPE.keySet();
    }

    /**
     * Takes the personal fields out of one record (not its nested records) and returns them as an object keyed by
     * their dotted names; empty when it has none.
     */
    static ObjectNode takeOut(ObjectNode record) {
        ObjectNode personal = EventJson.mapper().createObjectNode();
        JsonNode type = record.get("type");
        for (String path : of(type != null && type.isString() ? type.asString() : null)) {
            int dot = path.indexOf('.');
            ObjectNode parent = dot < 0 ? record : record.get(path.substring(0, dot)) instanceof ObjectNode o ? o : null;
            String name = dot < 0 ? path : path.substring(dot + 1);
            JsonNode value = parent == null ? null : parent.get(name);
            if (value != null && !value.isNull() && !(value.isContainer() && value.isEmpty())) {
                personal.set(path, value);
                parent.remove(name);
            }
        }
        return personal;
    }

    /**
     * The value without any personal data, as it reads once its key is destroyed: what a service that holds it
     * in memory keeps after an erasure ({@code complaint-anonymised}).
     */
    public static <T> T removedFrom(T value, Class<T> type) {
        JsonNode tree = EventJson.mapper().valueToTree(value);
        strip(tree);
        return EventJson.mapper().treeToValue(tree, type);
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (JsonNode child : object.values()) {
                strip(child);
            }
            takeOut(object);
            object.remove(Sealing.FIELD);
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node.values()) {
                strip(child);
            }
        }
    }
}
