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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * A one-off read of a compacted topic from its beginning to where it ends now, without a consumer group: the latest
 * value of each wanted key, as bytes (a tombstone removes it). The caller reads only the values it keeps, so an
 * export opens one resident's records, not the whole topic's. For a manager's rare request, never on a hot path.
 */
final class TopicReads {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private TopicReads() {
    }

    static Map<String, ConsumerRecord<String, byte[]>> latest(KafkaProperties kafka, String topic,
            Predicate<String> keys) {
        var factory = new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(), new StringDeserializer(),
                new ByteArrayDeserializer());
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, ConsumerRecord<String, byte[]>> latest = new LinkedHashMap<>();
        try (Consumer<String, byte[]> consumer = factory.createConsumer(null, "read-" + topic, null, overrides)) {
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
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || !keys.test(record.key())) {
                        continue;
                    }
                    if (record.value() != null) {
                        latest.put(record.key(), record);
                    } else {
                        latest.remove(record.key());
                    }
                }
            }
        }
        return latest;
    }
}
