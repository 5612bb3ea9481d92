package io.hearken.intake.email.intake;

import io.hearken.intake.email.EmailIntakeProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Which mails already became events, kept in the compacted topic {@code intake.email.seen} (key: the
 * dedupe key of a mail; value: {@code pending|done <complaint id> <event id>}) and read back in full at
 * start-up, so a restart, a redelivery or a copy in another folder never makes a second complaint.
 * {@code pending} is written before the complaint is published, with its tracking id, so a crash between the
 * two republishes the same complaint (same id, same event id) rather than a new one.
 */
@Component("emailSeenMessages")
public class SeenMessages implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SeenMessages.class);

    /** What the store knows about one mail. */
    public record Entry(boolean done, String complaintId, String eventId) {

        String encode() {
            return (done ? "done" : "pending") + " " + complaintId + " " + eventId;
        }

        static Entry decode(String value) {
            String[] p = value.split(" ");
            return p.length < 3 ? null : new Entry(p[0].equals("done"), p[1], p[2]);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final KafkaProperties kafka;
    private final String topic;
    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> template;
    private volatile boolean loaded;

    SeenMessages(KafkaProperties kafka, EmailIntakeProperties properties) {
        this.kafka = kafka;
        this.topic = properties.seenTopic();
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0); // one record at a time, each awaited: no point waiting for a batch
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    /** A plain String producer, shared with the dead-letter reports. */
    KafkaTemplate<String, String> strings() {
        return template;
    }

    public Entry get(String key) {
        load();
        return entries.get(key);
    }

    /**
     * Known at once to this process (so a second copy in the same batch finds it); the future completes when
     * Kafka has it.
     */
    public CompletableFuture<Void> put(String key, Entry entry) {
        load();
        entries.put(key, entry);
        return template.send(topic, key, entry.encode()).orTimeout(30, TimeUnit.SECONDS).thenApply(r -> null);
    }

    public int size() {
        load();
        return entries.size();
    }

    /** Reads the whole topic once, up to its end offsets at that moment. */
    public synchronized void load() {
        if (loaded) {
            return;
        }
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long started = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Entry e = r.value() == null ? null : Entry.decode(r.value());
                    if (e == null) {
                        entries.remove(r.key());
                    } else {
                        entries.put(r.key(), e);
                    }
                }
            }
        }
        loaded = true;
        log.info("Email intake: {} mails already seen, read back from {} in {} ms", entries.size(), topic,
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
