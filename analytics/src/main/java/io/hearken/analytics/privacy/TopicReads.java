package io.hearken.analytics.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * A one-off read of a compacted topic from its beginning to where it ends now, without a consumer group: the latest
 * value of each key (a tombstone removes it; a record that cannot be read is skipped). For the rare manager's
 * request (an export, the erasure audit), never on a hot path.
 */
final class TopicReads {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private TopicReads() {
    }

    static <V> Map<String, V> latest(ConsumerFactory<String, V> factory, String topic, Predicate<String> keys) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, V> latest = new LinkedHashMap<>();
        try (Consumer<String, V> consumer = factory.createConsumer(null, "read-" + topic, null, overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                return latest; // not created yet: nothing held
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " could not be read within " + DEADLINE.toSeconds() + " s");
                }
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || !keys.test(record.key())) {
                        continue;
                    }
                    if (record.value() != null) {
                        latest.put(record.key(), record.value());
                    } else if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null) {
                        latest.remove(record.key()); // a tombstone, not an unreadable record
                    }
                }
            }
        }
        return latest;
    }
}
