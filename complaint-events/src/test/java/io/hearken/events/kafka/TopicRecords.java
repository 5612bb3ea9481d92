package io.hearken.events.kafka;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.privacy.StandaloneSealing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * For tests: a topic of a real broker read from its beginning up to its end at the call, {@code read_committed}, no
 * group. Events are opened with the embedded servers' demo master key, as the apps under test sealed them. A slow
 * broker gives what was read within the time allowed (the callers assert, often inside an Awaitility retry).
 */
public final class TopicRecords {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private TopicRecords() {
    }

    /** Every event on {@code topic} of the current embedded broker. */
    public static List<ConsumerRecord<String, ComplaintEvent>> events(String topic) {
        return events(EmbeddedServers.current().kafka().bootstrapServers(), topic);
    }

    /** Every event on {@code topic} of the broker at {@code bootstrapServers}. */
    public static List<ConsumerRecord<String, ComplaintEvent>> events(String bootstrapServers, String topic) {
        return read(bootstrapServers, topic, EventWireFormatAutoConfiguration.deserializer(sealing(bootstrapServers)));
    }

    /** What opens the records the apps under test sealed (the embedded servers' demo master key). */
    public static Sealing sealing(String bootstrapServers) {
        return StandaloneSealing.of(bootstrapServers, EmbeddedServers.DEMO_MASTER_KEY);
    }

    /** Every record on {@code topic} of the current embedded broker, as text. */
    public static List<ConsumerRecord<String, String>> strings(String topic) {
        return read(EmbeddedServers.current().kafka().bootstrapServers(), topic, new StringDeserializer());
    }

    /** The values of {@code events(topic)} (tombstones and unreadable records left out). */
    public static List<ComplaintEvent> values(String bootstrapServers, String topic) {
        return events(bootstrapServers, topic).stream().map(ConsumerRecord::value)
                .filter(java.util.Objects::nonNull).toList();
    }

    public static <V> List<ConsumerRecord<String, V>> read(String bootstrapServers, String topic,
            Deserializer<V> values) {
        return read(bootstrapServers, topic, values, IsolationLevel.READ_COMMITTED);
    }

    /**
     * As {@link #read(String, String, Deserializer)}, but with the records of open and aborted transactions too: for
     * tests about what is on the wire at all (a duplicate, personal data), not only what a consumer acts on.
     */
    public static <V> List<ConsumerRecord<String, V>> readUncommitted(String bootstrapServers, String topic,
            Deserializer<V> values) {
        return read(bootstrapServers, topic, values, IsolationLevel.READ_UNCOMMITTED);
    }

    private static <V> List<ConsumerRecord<String, V>> read(String bootstrapServers, String topic,
            Deserializer<V> values, IsolationLevel isolation) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.name().toLowerCase(Locale.ROOT));
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            var infos = consumer.partitionsFor(topic, WITHIN);
            if (infos == null || infos.isEmpty()) {
                return out;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WITHIN);
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p, WITHIN) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
