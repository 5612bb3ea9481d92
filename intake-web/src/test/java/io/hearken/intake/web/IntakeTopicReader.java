package io.hearken.intake.web;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.Topics;
import io.hearken.events.kafka.EventWireFormatAutoConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code intake.web} back from the real broker, from the beginning, to confirm what was published. */
public final class IntakeTopicReader {

    private IntakeTopicReader() {
    }

    /** Every event on intake.web with this key, in order. */
    public static List<ComplaintEvent> eventsFor(String bootstrapServers, String complaintId) {
        try (KafkaConsumer<String, ComplaintEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                EventWireFormatAutoConfiguration.deserializer(io.hearken.events.privacy.StandaloneSealing.of(bootstrapServers, io.hearken.embedded.EmbeddedServers.DEMO_MASTER_KEY)))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTAKE_WEB, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ComplaintEvent> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline
                    && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, ComplaintEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    if (complaintId.equals(r.key()) && r.value() != null) {
                        found.add(r.value());
                    }
                }
            }
            return found;
        }
    }
}
