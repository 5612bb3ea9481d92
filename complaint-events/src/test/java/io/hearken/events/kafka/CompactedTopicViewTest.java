package io.hearken.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.embedded.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The view against a real broker: restarts, tombstones, other instances' writes and read-your-writes. */
class CompactedTopicViewTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static KafkaProperties properties;

    @BeforeAll
    static void broker() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of("view.a", "view.b", "view.c").stream().map(t -> new NewTopic(t, 2, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))).toList())
                    .all().get();
        }
        properties = new KafkaProperties();
        properties.setBootstrapServers(List.of(kafka.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aRestartedInstanceReadsBackWhatWasWrittenAndATombstoneTakesAKeyAway() throws Exception {
        try (var first = CompactedTopicView.ofStrings("view.a", properties)) {
            assertThat(first.awaitLoaded(WAIT)).isTrue();
            first.put("kept", "1").get(30, TimeUnit.SECONDS);
            first.put("taken back", "2").get(30, TimeUnit.SECONDS);
            first.write("taken back", null).get(30, TimeUnit.SECONDS);
            assertThat(first.get("kept")).contains("1");
        }
        try (var restarted = CompactedTopicView.ofStrings("view.a", properties)) {
            assertThat(restarted.awaitLoaded(WAIT)).isTrue();
            assertThat(restarted.asMap()).containsExactly(Map.entry("kept", "1"));
        }
    }

    @Test
    void whatAnotherInstanceWroteIsSeenAfterAwaitCurrent() throws Exception {
        try (var one = CompactedTopicView.ofStrings("view.b", properties);
                var other = CompactedTopicView.ofStrings("view.b", properties)) {
            assertThat(one.awaitLoaded(WAIT)).isTrue();
            other.put("call-1", "HK-1").get(30, TimeUnit.SECONDS);
            assertThat(one.awaitCurrent(WAIT)).isTrue();
            assertThat(one.get("call-1")).contains("HK-1");
        }
    }

    @Test
    void aLocalWriteIsNotHiddenByAnOlderRecordButANewerOneAfterItsEchoWins() throws Exception {
        try (var mine = CompactedTopicView.ofStrings("view.c", properties);
                var other = CompactedTopicView.ofStrings("view.c", properties)) {
            assertThat(mine.awaitLoaded(WAIT)).isTrue();
            mine.remember("key", "mine"); // known here before Kafka has it
            other.write("key", "older").get(30, TimeUnit.SECONDS);
            assertThat(mine.awaitCurrent(WAIT)).isTrue();
            assertThat(mine.get("key")).contains("mine");

            mine.write("key", "mine").get(30, TimeUnit.SECONDS);
            other.write("key", "newer").get(30, TimeUnit.SECONDS);
            assertThat(mine.awaitCurrent(WAIT)).isTrue();
            assertThat(mine.get("key")).contains("newer");

            mine.remember("only here", "never sent");
            assertThat(mine.reload(WAIT)).isTrue(); // a restart forgets what Kafka never had
            assertThat(mine.get("only here")).isEmpty();
            assertThat(mine.get("key")).contains("newer");
        }
    }
}
