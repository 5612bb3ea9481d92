package io.hearken.intake.hotline.folder;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.FollowUpReceived;
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

/** Reads intake.hotline of the shared embedded broker, for test contexts of their own. */
final class HotlineEvents {

    private HotlineEvents() {
    }

    /** Every event on intake.hotline whose call id starts with the prefix. */
    static List<ComplaintEvent> on(String callIdPrefix) {
        try (KafkaConsumer<String, ComplaintEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.current().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), EventWireFormatAutoConfiguration.deserializer(io.hearken.events.privacy.StandaloneSealing.of(io.hearken.embedded.EmbeddedServers.current().kafka().bootstrapServers(), io.hearken.embedded.EmbeddedServers.DEMO_MASTER_KEY)))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTAKE_HOTLINE, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<ComplaintEvent> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline
                    && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, ComplaintEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    String ref = sourceRef(r.value());
                    if (ref != null && ref.startsWith(callIdPrefix)) {
                        found.add(r.value());
                    }
                }
            }
            return found;
        }
    }

    static String sourceRef(ComplaintEvent event) {
        if (event instanceof ComplaintReceived r) {
            return r.sourceRef();
        }
        return event instanceof FollowUpReceived f ? f.sourceRef() : null;
    }
}
