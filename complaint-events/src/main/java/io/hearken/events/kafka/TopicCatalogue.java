package io.hearken.events.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The one place where a topic's configuration is decided: every module declares its topics through this,
 * by name and {@link TopicKind}, so partitions, replication, cleanup policy and retention are written once.
 * Boot's KafkaAdmin creates them at start-up and, with {@code spring.kafka.admin.modify-topic-configs}
 * (hearken-defaults.yml), brings an existing topic's configuration to what is declared here.
 */
public final class TopicCatalogue {

    private final KafkaTopicProperties properties;

    public TopicCatalogue(KafkaTopicProperties properties) {
        this.properties = properties;
    }

    public NewTopic topic(String name, TopicKind kind) {
        return builder(name, kind, properties.partitions()).build();
    }

    /** A topic a module sizes itself (its own partition count). */
    public NewTopic topic(String name, TopicKind kind, int partitions) {
        return builder(name, kind, partitions).build();
    }

    /** A topic of this kind with some settings of its own on top (e.g. faster compaction). */
    public NewTopic topic(String name, TopicKind kind, Map<String, String> extraConfigs) {
        return builder(name, kind, properties.partitions()).configs(extraConfigs).build();
    }

    /**
     * A keyed topic that keeps the latest record per key but only for {@code keep} (compact and delete): a
     * rolling window a module rebuilds only that window from (the router's repeat-complaint history).
     */
    public NewTopic window(String name, Duration keep) {
        return base(name, properties.partitions())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + ","
                        + TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(keep.toMillis()))
                .build();
    }

    private TopicBuilder builder(String name, TopicKind kind, int partitions) {
        TopicBuilder topic = base(name, partitions);
        return switch (kind) {
            case EVENTS, DEAD_LETTERS -> topic.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                    .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.eventRetentionMs()));
            case STATE -> topic.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                    .config(TopicConfig.RETENTION_MS_CONFIG, "-1");
        };
    }

    private TopicBuilder base(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions).replicas(properties.replicas())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(properties.minInsyncReplicas()));
    }

    public KafkaTopicProperties properties() {
        return properties;
    }
}
