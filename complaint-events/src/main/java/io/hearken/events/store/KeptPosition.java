package io.hearken.events.store;

import java.time.Instant;
import java.util.Map;

/**
 * Where the topic a kept {@link LocalStore} is built from had been read to when the store was closed cleanly: the
 * next start reads on from there instead of from the beginning, if the topic is still the same one and nothing it
 * needs has expired meanwhile (the reader decides, it knows the topic).
 *
 * @param topic    the topic the store is built from
 * @param topicId  the topic's id (a topic deleted and created again has a new one)
 * @param offsets  partition → the offset to read next
 * @param builtAt  when the store was last built from the topic's beginning
 * @param closedAt when it was closed
 */
public record KeptPosition(String topic, String topicId, Map<Integer, Long> offsets, Instant builtAt, Instant closedAt) {

    public KeptPosition {
        offsets = Map.copyOf(offsets);
    }
}
