package io.hearken.events.kafka;

import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.Sealing;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * The contract's JSON on Kafka with personal fields sealed ({@link Sealing}): what every event, snapshot and router
 * store record is written as. Reading opens what its key still opens; a record that cannot be read at all reaches
 * the container's error handler (dead letter) through {@link ErrorHandlingDeserializer}, never loops.
 */
public final class SealedJson {

    private SealedJson() {
    }

    public static <T> Serializer<T> serializer(Sealing sealing) {
        return (topic, value) -> value == null ? null : write(sealing, value);
    }

    public static <T> ErrorHandlingDeserializer<T> deserializer(Sealing sealing, Class<T> type) {
        Deserializer<T> json = (topic, bytes) -> bytes == null ? null : read(sealing, bytes, type);
        return new ErrorHandlingDeserializer<>(json);
    }

    public static byte[] write(Sealing sealing, Object value) {
        JsonNode tree = EventJson.mapper().valueToTree(value);
        return EventJson.mapper().writeValueAsBytes(sealing.seal(tree));
    }

    public static <T> T read(Sealing sealing, byte[] bytes, Class<T> type) {
        JsonNode tree = sealing.open(EventJson.mapper().readTree(bytes));
        return EventJson.mapper().treeToValue(tree, type);
    }
}
