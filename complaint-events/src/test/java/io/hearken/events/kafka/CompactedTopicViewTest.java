package io.hearken.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.embedded.EmbeddedKafka;
import io.hearken.events.store.LocalStateProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The view against a real broker: restarts, tombstones, other instances' writes and read-your-writes; each with the
 * entries in memory and on disk (a topic of each).
 */
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
            admin.createTopics(Stream.of("view.a", "view.b", "view.c", "view.d").flatMap(t -> Stream.of(t + "-heap", t + "-disk"))
                    .map(t -> new NewTopic(t, 2, (short) 1)
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

    /** A view of plain strings on {@code topic-heap} or {@code topic-disk}. */
    static CompactedTopicView<String> view(String topic, boolean onDisk) {
        LocalStateProperties local = onDisk ? new LocalStateProperties(dir.resolve("local"), null, null) : null;
        return new CompactedTopicView<>(topic + (onDisk ? "-disk" : "-heap"), properties, Function.identity(),
                Function.identity(), local);
    }

    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {false, true})
    void aRestartedInstanceReadsBackWhatWasWrittenAndATombstoneTakesAKeyAway(boolean onDisk) throws Exception {
        try (var first = view("view.a", onDisk)) {
            assertThat(first.awaitLoaded(WAIT)).isTrue();
            first.put("kept", "1").get(30, TimeUnit.SECONDS);
            first.put("taken back", "2").get(30, TimeUnit.SECONDS);
            first.write("taken back", null).get(30, TimeUnit.SECONDS);
            assertThat(first.get("kept")).contains("1");
        }
        try (var restarted = view("view.a", onDisk)) {
            assertThat(restarted.awaitLoaded(WAIT)).isTrue();
            assertThat(restarted.asMap()).containsExactly(Map.entry("kept", "1"));
            assertThat(restarted.size()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {false, true})
    void whatAnotherInstanceWroteIsSeenAfterAwaitCurrent(boolean onDisk) throws Exception {
        try (var one = view("view.b", onDisk); var other = view("view.b", onDisk)) {
            assertThat(one.awaitLoaded(WAIT)).isTrue();
            other.put("call-1", "HK-1").get(30, TimeUnit.SECONDS);
            assertThat(one.awaitCurrent(WAIT)).isTrue();
            assertThat(one.get("call-1")).contains("HK-1");
        }
    }

    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {false, true})
    void aLocalWriteIsNotHiddenByAnOlderRecordButANewerOneAfterItsEchoWins(boolean onDisk) throws Exception {
        try (var mine = view("view.c", onDisk); var other = view("view.c", onDisk)) {
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

    /** On disk the entries lie in a store of the view's own under hearken.local-state.dir, gone when it closes. */
    @Test
    void onDiskTheEntriesLieInAFolderOfTheirOwnThatGoesWithTheView() throws Exception {
        Path local = dir.resolve("local");
        CompactedTopicView<String> view = view("view.d", true);
        try (view) {
            assertThat(view.awaitLoaded(WAIT)).isTrue();
            view.put("a", "1").get(30, TimeUnit.SECONDS);
            view.put("b", "2").get(30, TimeUnit.SECONDS);
            view.write("a", null).get(30, TimeUnit.SECONDS);
            assertThat(view.awaitCurrent(WAIT)).isTrue();
            assertThat(view.get("a")).isEmpty();
            assertThat(view.get("b")).contains("2");
            assertThat(view.size()).isEqualTo(1);
            assertThat(folders(local)).anyMatch(f -> f.startsWith("view-view.d-disk-"));
        }
        assertThat(folders(local)).noneMatch(f -> f.startsWith("view-view.d-disk-"));
        assertThat(view.isRunning()).isFalse();
    }

    private static List<String> folders(Path base) throws Exception {
        try (Stream<Path> all = Files.list(base)) {
            return all.map(p -> p.getFileName().toString()).toList();
        }
    }
}
