package io.hearken.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * A view still reading its topic keeps the instance out of service and says how far it got; a wait for a tail goes on
 * while it reads and gives up when it stalls. A real broker.
 */
class ViewsHealthIndicatorTest {

    private static final int RECORDS = 2_000;

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void broker() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("views.full", 2, (short) 1), new NewTopic("views.empty", 1, (short) 1)))
                    .all().get();
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>("views.full", "k" + i, "v" + i));
            }
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    /** A view whose sink waits on {@code gate} after its first record: it stays "loading" as long as we like. */
    static final class View extends FollowingTopic {
        final AtomicInteger seen = new AtomicInteger();
        final TopicTail<String> tail;

        View(String topic, CountDownLatch gate) {
            super(BEFORE_LISTENERS);
            tail = follow(new TopicTail<String>(topic, new DefaultKafkaConsumerFactory<>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringDeserializer(),
                    new StringDeserializer()), value -> {
                        if (seen.incrementAndGet() > 1) {
                            await(gate);
                        }
                    }));
        }

        private static void await(CountDownLatch gate) {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aWaitGoesOnWhileTheTailReadsAndGivesUpWhenItStalls() {
        // 2,000 records at ~1 ms each: about 2 s of reading, far longer than the 300 ms a wait allows without progress.
        AtomicInteger slowSeen = new AtomicInteger();
        var slow = new TopicTail<String>("views.full", new DefaultKafkaConsumerFactory<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer()),
                value -> {
                    slowSeen.incrementAndGet();
                    sleep(1);
                });
        CountDownLatch gate = new CountDownLatch(1);
        View stuck = new View("views.full", gate);
        slow.start();
        stuck.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> slowSeen.get() > 0); // the consumer's own start is no read
            long t0 = System.nanoTime();
            assertThat(slow.awaitCurrent(Duration.ofMillis(300), Duration.ofSeconds(60))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(300));
            assertThat(slow.progress().caughtUp()).isTrue();

            // The stuck one reads its first record and then nothing: given up after the stall, long before atMost.
            t0 = System.nanoTime();
            assertThat(((FollowingTopic) stuck).progress().caughtUp()).isFalse();
            assertThat(stuckTail(stuck).awaitCurrent(Duration.ofMillis(500), Duration.ofSeconds(60))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
            // With a total limit only (the one-argument wait), the same.
            assertThat(stuckTail(stuck).awaitCurrent(Duration.ofMillis(500))).isFalse();
        } finally {
            gate.countDown();
            slow.stop();
            stuck.stop();
        }
    }

    private static TopicTail<?> stuckTail(View view) {
        return view.tail;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void outOfServiceWithItsProgressUntilEveryViewHasReadItsTopic() {
        CountDownLatch gate = new CountDownLatch(1);
        Map<String, FollowingTopic> views = new LinkedHashMap<>();
        views.put("board", new View("views.full", gate));
        views.put("ledger", new View("views.empty", gate));
        var health = new ViewsHealthIndicator(views);
        views.values().forEach(FollowingTopic::start);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Health h = health.health();
                assertThat(h.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                assertThat(h.getDetails()).containsEntry("ledger", "views.empty: loaded");
                assertThat((String) h.getDetails().get("board")).matches("views\\.full: [0-9,]+ of 2,000");
            });

            gate.countDown();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.UP));
            assertThat(health.health().getDetails()).containsEntry("board", "views.full: loaded");
            assertThat(((View) views.get("board")).seen).hasValue(RECORDS);
            assertThat(views.get("board").progress()).isEqualTo(new TopicTail.Progress("views.full", true, RECORDS, RECORDS));
        } finally {
            gate.countDown();
            views.values().forEach(FollowingTopic::stop);
        }
    }
}
