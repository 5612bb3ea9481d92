package io.hearken.events.kafka;

/**
 * What a topic is for decides how the broker keeps it. Every topic Hearken creates is one of these
 * (docs/events.md, "Topics"); {@link TopicCatalogue} turns the kind into the topic's configuration.
 */
public enum TopicKind {

    /**
     * An append-only log of events (intake, routed, updates, queues, notifications): deleted after
     * {@code hearken.kafka.event-retention}. Nothing may rebuild its state from one.
     */
    EVENTS,
    /**
     * One current record per key (complaints.state, dedupe ledgers): compacted and never deleted by age, so a
     * service rebuilds from it after any time. A tombstone (null value) removes a key, e.g. on erasure.
     */
    STATE,
    /**
     * Records that could not be handled, with the reason in headers: deleted after the event retention like the
     * events they copy, so a dead letter can be replayed for as long as the event itself would have been kept.
     */
    DEAD_LETTERS
}
