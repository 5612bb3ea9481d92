package io.hearken.intake.web.intake;

import io.hearken.intake.web.WebIntakeProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.events.kafka.TopicKind;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Which complaint an idempotency key (an API {@code Idempotency-Key}, a form's hidden token) already made.
 * The record of it is a compacted Kafka topic ({@code hearken-web-idempotency}: deliberately outside the
 * router's {@code intake.*} pattern; key = the scoped key, value = {@code <complaint id> <request fingerprint>}):
 * every instance reads the whole topic at start-up and then follows it, so the answer survives restarts and is shared by all instances without another store.
 */
@Component
public class IdempotencyKeys implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    /** A remembered submission: the complaint id and a fingerprint of what was sent. */
    public record Entry(String complaintId, String fingerprint) {
        String encode() {
            return complaintId + " " + fingerprint;
        }

        static Entry decode(String value) {
            int space = value.indexOf(' ');
            return space < 0 ? new Entry(value, "") : new Entry(value.substring(0, space), value.substring(space + 1));
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final KafkaProperties kafka;
    private final WebPublisher publisher;
    private final String topic;
    private final Duration wait;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Consumer<String, String> consumer;
    private Thread reader;

    IdempotencyKeys(KafkaProperties kafka, WebPublisher publisher, WebIntakeProperties properties) {
        this.kafka = kafka;
        this.publisher = publisher;
        this.topic = properties.idempotencyTopic();
        this.wait = properties.publishTimeout();
    }

    /** The complaint this key made, if any; throws {@link IntakeUnavailable} before the log could be read. */
    public Optional<Entry> find(String key) {
        try {
            if (!loaded.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IntakeUnavailable("idempotency log not loaded yet", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailable("interrupted", e);
        }
        return Optional.ofNullable(entries.get(key));
    }

    /**
     * Publishes the complaint, then (once Kafka has it) its key record. Throws {@link IntakeUnavailable} when
     * the complaint was not acknowledged (no key record is written then); returns false when only the key
     * record was not.
     */
    public boolean publishWithKey(io.hearken.events.ComplaintEvent event, String key, Entry entry) {
        boolean recorded = publisher.publishWith(event, topic, key, entry.encode());
        entries.put(key, entry); // the complaint is in Kafka: this instance answers retries with it either way
        return recorded;
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::follow, "hearken-web-idempotency");
        reader.setDaemon(true);
        reader.start();
    }

    private void follow() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group: every instance reads all
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hearken-web-idempotency");
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (partitions.isEmpty()) {
                    Thread.sleep(1000);
                    continue;
                }
                c.assign(partitions);
                c.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(10));
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(200))) {
                        if (record.key() != null && record.value() != null) {
                            entries.put(record.key(), Entry.decode(record.value()));
                        } else if (record.key() != null) {
                            entries.remove(record.key()); // a tombstone: an operator took the key back
                        }
                    }
                    if (loaded.getCount() > 0 && end.entrySet().stream()
                            .allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                        log.info("Idempotency log {} loaded: {} keys", topic, entries.size());
                        loaded.countDown();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Idempotency log {} unreadable, retrying: {}", topic, e.toString());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Configuration(proxyBeanMethods = false)
    static class Topic {
        @Bean
        NewTopic webIdempotencyTopic(WebIntakeProperties properties, TopicCatalogue topics) {
            return topics.topic(properties.idempotencyTopic(), TopicKind.STATE);
        }
    }
}
