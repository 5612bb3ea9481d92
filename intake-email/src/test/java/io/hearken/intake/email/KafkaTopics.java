package io.hearken.intake.email;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.kafka.EventWireFormatAutoConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic, from the beginning to its current end, from the real broker. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static List<ConsumerRecord<String, ComplaintEvent>> events(String topic) {
        return read(topic, EventWireFormatAutoConfiguration.deserializer(io.hearken.events.privacy.StandaloneSealing.of(io.hearken.embedded.EmbeddedServers.current().kafka().bootstrapServers(), io.hearken.embedded.EmbeddedServers.DEMO_MASTER_KEY)));
    }

    public static List<ConsumerRecord<String, String>> strings(String topic) {
        return read(topic, new StringDeserializer());
    }

    private static <V> List<ConsumerRecord<String, V>> read(String topic, Deserializer<V> values) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedServers.current().kafka().bootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null) {
                return out;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
