package io.hearken.events.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Hearken's topics are made, for every module ({@code hearken.kafka.*}). The defaults suit one broker (the
 * all-in-one, the tests); production with three brokers sets {@code replicas: 3} and {@code min-insync-replicas: 2},
 * so an acknowledged write ({@code acks=all}) is on two brokers and one broker may fail without losing or refusing it.
 *
 * @param partitions          partitions of every topic a module does not size itself (the unit of consumer scale-out)
 * @param replicas            copies of each partition
 * @param minInsyncReplicas   replicas that must have a write before it is acknowledged; at most {@code replicas}
 * @param eventRetention      how long the event logs (and their dead letters) keep records; negative = forever.
 *                            Nothing rebuilds from them (state comes from compacted topics), so this is the window
 *                            for replays and for a new consumer (or a re-index) to read history: a year covers the
 *                            yearly reports and SLA disputes and bounds what the broker keeps of residents' messages.
 */
@ConfigurationProperties("hearken.kafka")
public record KafkaTopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas,
        @DefaultValue("1") short minInsyncReplicas, @DefaultValue("365d") Duration eventRetention) {

    public KafkaTopicProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("hearken.kafka.partitions must be at least 1, was " + partitions);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("hearken.kafka.replicas must be at least 1, was " + replicas);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicas) {
            throw new IllegalArgumentException("hearken.kafka.min-insync-replicas must be between 1 and replicas ("
                    + replicas + "), was " + minInsyncReplicas);
        }
        if (eventRetention == null || eventRetention.isZero()) {
            throw new IllegalArgumentException("hearken.kafka.event-retention must be positive, or negative for forever");
        }
    }

    /** The defaults, for code and tests outside a Spring context. */
    public static KafkaTopicProperties defaults() {
        return new KafkaTopicProperties(3, (short) 1, (short) 1, Duration.ofDays(365));
    }

    /** {@code retention.ms} of the event logs: {@code -1} for forever. */
    public long eventRetentionMs() {
        return eventRetention.isNegative() ? -1 : eventRetention.toMillis();
    }
}
