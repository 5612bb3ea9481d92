package io.hearken.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedKafka;
import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.LocalStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * A view in a kept store reads on from where it was closed: after a clean stop only what came since goes through its
 * sink, deletions included; after a stop that kept no position, or on a topic created again, it is rebuilt from the
 * beginning. A real broker; the records counted.
 */
class KeptTailTest {

    private static final int RECORDS = 1_000;

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void broker() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    /** A view: each record into its kept store (a tombstone deletes), counted; rebuilds counted. */
    static final class View implements AutoCloseable {
        final LocalStore store;
        final TopicTail<String> tail;
        final AtomicInteger read = new AtomicInteger();
        final AtomicInteger rebuilds = new AtomicInteger();

        View(String topic) {
            store = LocalStore.openKept(new LocalStateProperties(dir.resolve("local"), null, null), "view-" + topic, 1);
            tail = TopicTail.keyed(topic, new DefaultKafkaConsumerFactory<>(
                    Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()), new StringDeserializer(),
                    new StringDeserializer()), (key, value) -> {
                        read.incrementAndGet();
                        if (value == null) {
                            store.delete(key);
                        } else {
                            store.put(key, value.getBytes(StandardCharsets.UTF_8));
                        }
                    }).keptIn(store, rebuilds::incrementAndGet);
            tail.start();
            assertThat(tail.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        }

        String get(String key) {
            byte[] value = store.get(key);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        /** A clean stop: the tail first (it hands the store its position), then the store. */
        @Override
        public void close() {
            tail.stop();
            store.close();
        }
    }

    @Test
    void aCleanStopReadsOnFromWhereItWasClosedAndAStopWithoutPositionRebuilds() throws Exception {
        create("kept.a");
        produce("kept.a", 0, RECORDS);
        try (View first = new View("kept.a")) {
            assertThat(first.read.get()).isEqualTo(RECORDS);
            assertThat(first.tail.progress().total()).isEqualTo(RECORDS);
        }
        produce("kept.a", RECORDS, 10);
        tombstone("kept.a", "k5");
        try (View second = new View("kept.a")) {
            assertThat(second.read.get()).isEqualTo(11); // what came since, not the thousand before
            assertThat(second.tail.progress().total()).isEqualTo(11);
            assertThat(second.rebuilds.get()).isZero();
            assertThat(second.get("k5")).isNull(); // the deletion made while it was closed
            assertThat(second.get("k1")).isEqualTo("v1"); // kept from the first run
            assertThat(second.get("k" + (RECORDS + 9))).isEqualTo("v" + (RECORDS + 9));
            produce("kept.a", RECORDS + 10, 5); // followed as before
            await().atMost(Duration.ofSeconds(30)).until(() -> second.get("k" + (RECORDS + 14)) != null);
        }
        // Stopped without a position (the store closed under a running tail, as after a kill): read all again.
        View third = new View("kept.a");
        assertThat(third.read.get()).isZero(); // nothing came since the second stopped
        assertThat(third.get("k1")).isEqualTo("v1");
        third.store.close();
        third.tail.stop();
        try (View fourth = new View("kept.a")) {
            assertThat(fourth.read.get()).isEqualTo(RECORDS + 16);
            assertThat(fourth.get("k5")).isNull();
            assertThat(fourth.get("k1")).isEqualTo("v1");
        }
    }

    @Test
    void aTopicCreatedAgainIsReadFromItsBeginningAndTheStoreEmptied() throws Exception {
        create("kept.b");
        produce("kept.b", 0, 100);
        try (View first = new View("kept.b")) {
            assertThat(first.read.get()).isEqualTo(100);
        }
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of("kept.b")).all().get();
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            create("kept.b");
            return true;
        });
        produce("kept.b", 500, 3); // fewer records than the kept offsets: offsets alone would not tell
        produce("kept.b", 503, 200);
        try (View second = new View("kept.b")) {
            assertThat(second.rebuilds.get()).isEqualTo(1);
            assertThat(second.read.get()).isEqualTo(203);
            assertThat(second.get("k1")).isNull(); // what the old topic held is gone with it
            assertThat(second.get("k500")).isEqualTo("v500");
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    private static void create(String topic) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
    }

    private static void produce(String topic, int from, int count) {
        try (var producer = producer()) {
            for (int i = from; i < from + count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
            }
        }
    }

    private static void tombstone(String topic, String key) {
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, null));
        }
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }
}
