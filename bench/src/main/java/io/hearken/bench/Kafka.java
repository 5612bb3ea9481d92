package io.hearken.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The harness's own Kafka clients on the all-in-one's broker: the raw limits, consumer lag, and topic tails. */
final class Kafka implements AutoCloseable {

    private final String bootstrap;
    private final Admin admin;

    Kafka(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    /** {produced/s, consumed/s} of a fresh 3-partition topic, for {@code seconds} of producing. */
    double[] raw(String topic, List<String> values, int seconds) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        AtomicLong acked = new AtomicLong();
        long n = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            while (System.nanoTime() < end) {
                String v = values.get((int) (n % values.size()));
                producer.send(new ProducerRecord<>(topic, "HK-RAW-" + n, v), (m, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    }
                });
                n++;
            }
            producer.flush();
        }
        double produced = acked.get() / ((System.nanoTime() - start) / 1e9);
        long consumed = 0;
        long consumeStart = System.nanoTime();
        try (var consumer = consumer()) {
            List<TopicPartition> parts = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1),
                    new TopicPartition(topic, 2));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (consumed < acked.get() && System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double consumedRate = consumed / ((System.nanoTime() - consumeStart) / 1e9);
        admin.deleteTopics(List.of(topic)).all().get();
        return new double[] {produced, consumedRate};
    }

    KafkaConsumer<String, String> consumer() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    }

    /** Every partition of the topics (waits until they exist). */
    List<TopicPartition> partitions(Set<String> topics) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Set<String> existing = admin.listTopics().names().get();
            if (existing.containsAll(topics)) {
                List<TopicPartition> parts = new ArrayList<>();
                admin.describeTopics(topics).allTopicNames().get().values().forEach(d -> d.partitions()
                        .forEach(i -> parts.add(new TopicPartition(d.name(), i.partition()))));
                return parts;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " missing; have " + existing);
            }
            Thread.sleep(500);
        }
    }

    /** Records not yet consumed, summed over every consumer group of the all-in-one (read_committed end offsets). */
    long totalLag() throws Exception {
        return lagByGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records not yet consumed, per consumer group (read_committed end offsets). */
    Map<String, Long> lagByGroup() throws Exception {
        Map<String, Long> lags = new TreeMap<>();
        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get()) {
            // A group without members consumes nothing (the desk board's group of a stopped start, kept until its
            // offsets expire): its lag is no stage falling behind.
            if (g.groupState().filter(state -> state == org.apache.kafka.common.GroupState.EMPTY).isPresent()) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(admin.listConsumerGroupOffsets(g.groupId())
                    .partitionsToOffsetAndMetadata().get());
            offsets.values().removeIf(o -> o == null);
            if (offsets.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    offsets.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            long lag = 0;
            for (var e : offsets.entrySet()) {
                if (ends.containsKey(e.getKey())) {
                    lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
            lags.put(g.groupId(), lag);
        }
        return lags;
    }

    /**
     * Each topic's log end offsets summed over its partitions, internal topics included: the records the broker wrote,
     * transaction markers and consumer offsets among them (a marker takes an offset like a record).
     */
    Map<String, Long> writtenByTopic() throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get().values().forEach(d -> d.partitions()
                .forEach(i -> latest.put(new TopicPartition(d.name(), i.partition()), OffsetSpec.latest())));
        Map<String, Long> written = new TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> written.merge(tp.topic(), info.offset(), Long::sum));
        return written;
    }

    static String key(ConsumerRecord<String, String> r) {
        return r.key() == null ? "" : r.key();
    }

    @Override
    public void close() {
        admin.close();
    }
}
