package io.hearken.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Every dead-letter topic ({@code <topic>-dlt}): where they stand now, and what was written to them since. */
final class DeadLetters {

    private final String bootstrapServers;

    DeadLetters(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The end offset of every partition of every dead-letter topic. */
    Map<TopicPartition, Long> positions() {
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics()) {
                c.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return new HashMap<>(c.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    /** Each record written to a dead-letter topic after {@code before}: topic, key and its reason headers. */
    List<String> since(Map<TopicPartition, Long> before) {
        List<String> out = new ArrayList<>();
        Map<TopicPartition, Long> now = positions();
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> grown = now.keySet().stream()
                    .filter(tp -> now.get(tp) > before.getOrDefault(tp, 0L)).toList();
            if (grown.isEmpty()) {
                return out;
            }
            c.assign(grown);
            grown.forEach(tp -> c.seek(tp, before.getOrDefault(tp, 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (grown.stream().anyMatch(tp -> c.position(tp) < now.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(r -> {
                    StringBuilder line = new StringBuilder(r.topic() + " key=" + r.key());
                    for (Header h : r.headers()) {
                        if (h.key().contains("reason") || h.key().endsWith("original-topic") || h.key().endsWith("exception-message")) {
                            line.append(' ').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
                        }
                    }
                    out.add(line.toString());
                });
            }
        }
        return out;
    }

    private List<String> topics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.listTopics().names().get().stream().filter(t -> t.endsWith("-dlt")).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("listing the dead-letter topics: " + e, e);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(p);
    }
}
