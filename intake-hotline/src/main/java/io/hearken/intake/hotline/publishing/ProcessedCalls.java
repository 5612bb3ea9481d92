package io.hearken.intake.hotline.publishing;

import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.intake.hotline.HotlineProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The call ids already published, surviving restarts: a compacted Kafka topic ({@code hotline.processed-calls},
 * key = call id, value = the complaint id it went to), read back in full when the service starts and
 * appended to after every chunk of acknowledged events. Kafka is the store, so nothing else must be backed
 * up and every instance (or a replacement container) sees the same history. A value {@code ~HK-...} is a
 * reservation: the id chosen for a new complaint before its event was sent, so a call read again after a crash
 * gets the same id even when the read model already knows that id (as the call's own complaint).
 */
@Component
public class ProcessedCalls implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessedCalls.class);

    private final String topic;
    private final Duration ackTimeout;
    private final Map<String, Object> consumerConfig;
    private final KafkaProducer<String, String> producer;
    private final Map<String, String> done = new ConcurrentHashMap<>();
    private final Map<String, String> reserved = new ConcurrentHashMap<>();
    static final String RESERVED = "~";

    ProcessedCalls(KafkaProperties kafka, KafkaAdmin admin, HotlineProperties properties, TopicCatalogue topics) {
        this.topic = properties.callsTopic();
        if (topic.matches(io.hearken.events.Topics.INTAKE_PATTERN)) {
            // The router subscribes to intake.* and would take these plain strings for broken events.
            throw new IllegalStateException("hearken.hotline.calls-topic must not match " + io.hearken.events.Topics.INTAKE_PATTERN
                    + ": " + topic);
        }
        this.ackTimeout = properties.ackTimeout();
        // A window: only a call re-read within hearken.hotline.calls-retention must be recognised.
        admin.createOrModifyTopics(topics.window(topic, properties.callsRetention()));
        this.consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
        producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "hotline-processed-calls");
        this.producer = new KafkaProducer<>(producerConfig);
        reload();
    }

    /** Reads the whole topic again (at start-up; tests call it to play a restart). */
    public synchronized void reload() {
        long started = System.nanoTime();
        Map<String, String> read = new HashMap<>();
        Map<String, String> reservations = new HashMap<>();
        readAll((key, value) -> {
            if (value == null) {
                read.remove(key);
                reservations.remove(key);
            } else if (value.startsWith(RESERVED)) {
                reservations.put(key, value.substring(RESERVED.length()));
            } else {
                read.put(key, value);
                reservations.remove(key);
            }
        });
        done.clear();
        done.putAll(read);
        reserved.clear();
        reserved.putAll(reservations);
        log.info("Hotline: {} processed call ids ({} reserved) read back from {} in {} ms", read.size(),
                reservations.size(), topic, (System.nanoTime() - started) / 1_000_000);
    }

    private void readAll(java.util.function.BiConsumer<String, String> each) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    each.accept(record.key(), record.value());
                }
            }
        }
    }

    /** The complaint a call already went to, if it was published before. */
    public Optional<String> complaintOf(String callId) {
        return Optional.ofNullable(done.get(callId));
    }

    /**
     * The call ids that went to (or were reserved for) any of {@code complaintIds}: an erasure's calls. Read from
     * the topic afresh, so calls another instance took since this one started count too; the memory stays as it is.
     */
    public Set<String> callsOf(Set<String> complaintIds) {
        Set<String> calls = new HashSet<>();
        readAll((call, complaint) -> {
            if (complaint != null && complaintIds.contains(complaint.startsWith(RESERVED)
                    ? complaint.substring(RESERVED.length()) : complaint)) {
                calls.add(call);
            }
        });
        return calls;
    }

    /** The complaint id reserved for a call whose event may have been sent but was not recorded as done. */
    Optional<String> reservedFor(String callId) {
        return Optional.ofNullable(reserved.get(callId));
    }

    public int size() {
        return done.size();
    }

    /** Reserves the ids chosen for new complaints, before their events are sent; returns once Kafka has them. */
    void reserve(Map<String, String> callIdToComplaintId) throws Exception {
        if (callIdToComplaintId.isEmpty()) {
            return;
        }
        reserved.putAll(callIdToComplaintId); // first: a retry in this process takes the same ids whatever Kafka said
        write(callIdToComplaintId.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), RESERVED + e.getValue())).toList());
    }

    /** Records calls whose events Kafka acknowledged; returns once Kafka acknowledged these records too. */
    public void record(Collection<Map.Entry<String, String>> callIdToComplaintId) throws Exception {
        write(callIdToComplaintId);
        callIdToComplaintId.forEach(e -> {
            done.put(e.getKey(), e.getValue());
            reserved.remove(e.getKey());
        });
    }

    private void write(Collection<Map.Entry<String, String>> records) throws Exception {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Map.Entry<String, String> e : records) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            producer.send(new ProducerRecord<>(topic, e.getKey(), e.getValue()), (metadata, failure) -> {
                if (failure == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(failure);
                }
            });
            acks.add(ack);
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
