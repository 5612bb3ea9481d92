package io.hearken.events.kafka;

import io.hearken.events.store.KeptPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What decides whether a {@link TopicTail} may read on from where a kept store was closed ({@link KeptPosition}),
 * rather than rebuild it from the topic's beginning: the topic must be the same one (its id), every kept offset
 * still on it, and nothing the store needs expired while it was closed. A compacted topic drops a deletion (a
 * tombstone: an erasure, a removed key) {@code delete.retention.ms} after compacting it, so a store closed longer
 * than half of that may have missed one; a topic whose records expire ({@code retention.ms}) would leave in a kept
 * store what a rebuild no longer holds, so a store built longer ago than that is rebuilt.
 *
 * @param topicId           the topic's id now
 * @param begin             partition → its first offset now
 * @param end               partition → its end offset now
 * @param compacted         {@code cleanup.policy} has {@code compact}
 * @param deleteRetentionMs {@code delete.retention.ms}
 * @param expiring          {@code cleanup.policy} has {@code delete} and {@code retention.ms} is not -1
 * @param retentionMs       {@code retention.ms}
 */
record KeptTopic(String topicId, Map<Integer, Long> begin, Map<Integer, Long> end, boolean compacted,
        long deleteRetentionMs, boolean expiring, long retentionMs) {

    /** The topic as the broker describes it (id and configuration), with the offsets the tail found. */
    static KeptTopic describe(Map<String, Object> clientConfig, String topic, Map<Integer, Long> begin,
            Map<Integer, Long> end) throws Exception {
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "tail-" + topic + "-describe");
        try (Admin admin = Admin.create(config)) {
            String id = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .topicId().toString();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config topicConfig = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            String policy = topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            long retention = Long.parseLong(topicConfig.get(TopicConfig.RETENTION_MS_CONFIG).value());
            return new KeptTopic(id, begin, end, policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT),
                    Long.parseLong(topicConfig.get(TopicConfig.DELETE_RETENTION_MS_CONFIG).value()),
                    policy.contains(TopicConfig.CLEANUP_POLICY_DELETE) && retention >= 0, retention);
        }
    }

    /** Why the store cannot be read on from its kept position; null when it can. */
    String whyNotResume(String topic, KeptPosition kept, Instant now) {
        if (!topic.equals(kept.topic())) {
            return "the store was kept for " + kept.topic();
        }
        if (!topicId.equals(kept.topicId())) {
            return "the topic was created again since the store was kept";
        }
        if (!begin.keySet().equals(kept.offsets().keySet())) {
            return "its partitions changed (" + kept.offsets().size() + " then, " + begin.size() + " now)";
        }
        for (var p : kept.offsets().entrySet()) {
            long first = begin.get(p.getKey());
            long last = end.get(p.getKey());
            if (p.getValue() < first) {
                return "records it had not read expired (partition " + p.getKey() + " starts at " + first
                        + ", the store at " + p.getValue() + ")";
            }
            if (p.getValue() > last) {
                return "the store is ahead of the topic (partition " + p.getKey() + " ends at " + last
                        + ", the store at " + p.getValue() + ")";
            }
        }
        Duration closed = Duration.between(kept.closedAt(), now);
        if (compacted && closed.toMillis() >= deleteRetentionMs / 2) {
            return "it was closed " + closed.toMinutes() + " minutes ago: a deletion may have been compacted away since"
                    + " (delete.retention.ms " + deleteRetentionMs + ")";
        }
        Duration built = Duration.between(kept.builtAt(), now);
        if (expiring && built.toMillis() >= retentionMs) {
            return "it was built " + built.toMinutes() + " minutes ago, longer than the topic keeps records"
                    + " (retention.ms " + retentionMs + ")";
        }
        return null;
    }
}
