package io.hearken.router.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;
import io.hearken.router.history.HistoryEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * A router upgraded over a {@code router.history} written with the keys before ({@code bt|building|time|id},
 * {@code rt|hash|time|id} and {@code id|id}; before them {@code b|building|id}, {@code r|hash|id}): at its first tick
 * it writes each entry as its one record {@code h|id} and deletes the old keys, on the topic (so every instance's
 * global store follows), in its own transaction; the global store derives the look-up keys from that record. And
 * entries older than the longer window plus the margin are deleted from the topic and the store.
 */
class HistoryUpgradeTest {

    private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");
    private final Sealing sealing = InMemoryKeys.sealing();
    private final StateCodec codec = new StateCodec(sealing);

    @Test
    void entriesUnderTheOldKeysAreRewrittenOnTheHistoryTopicAtTheStart() {
        HistoryEntry entry = new HistoryEntry(ComplaintId.of("HK-7K2M-9QXD"), AT, "3号楼", "101", "hash-of-wang",
                "facility", "水管漏水", null);
        HistoryEntry older = new HistoryEntry(ComplaintId.of("HK-7K2M-9QXE"), AT.minusSeconds(60), "3号楼", null,
                "hash-of-li", "noise", "楼上太吵", null);
        String time = HistoryKeys.time(AT);
        try (TopologyTestDriver driver = driver(AT.plus(Duration.ofDays(1)))) {
            TestInputTopic<String, byte[]> before = driver.createInputTopic(RouterTopology.HISTORY_TOPIC,
                    new StringSerializer(), new ByteArraySerializer());
            before.pipeInput("bt|3号楼|" + time + "|HK-7K2M-9QXD", codec.write(entry));
            before.pipeInput("rt|hash-of-wang|" + time + "|HK-7K2M-9QXD", codec.write(entry));
            before.pipeInput("id|HK-7K2M-9QXD", codec.write(new HistoryEntry(entry.complaintId(), AT, "3号楼", null,
                    "hash-of-wang", null, null, null)));
            before.pipeInput("b|3号楼|HK-7K2M-9QXE", codec.write(older));
            before.pipeInput("r|hash-of-li|HK-7K2M-9QXE", codec.write(older));
            TestOutputTopic<String, byte[]> history = driver.createOutputTopic(RouterTopology.HISTORY_TOPIC,
                    new StringDeserializer(), new ByteArrayDeserializer());

            driver.advanceWallClockTime(Duration.ofSeconds(2));

            Map<String, HistoryEntry> written = new HashMap<>();
            List<KeyValue<String, byte[]>> records = history.readKeyValuesToList();
            records.forEach(kv -> written.put(kv.key, kv.value == null ? null : codec.history(kv.value)));
            assertThat(written).containsEntry("bt|3号楼|" + time + "|HK-7K2M-9QXD", null)
                    .containsEntry("rt|hash-of-wang|" + time + "|HK-7K2M-9QXD", null)
                    .containsEntry("id|HK-7K2M-9QXD", null)
                    .containsEntry("b|3号楼|HK-7K2M-9QXE", null)
                    .containsEntry("r|hash-of-li|HK-7K2M-9QXE", null)
                    .containsEntry("h|HK-7K2M-9QXD", entry)
                    .containsEntry("h|HK-7K2M-9QXE", older)
                    .hasSize(7);
            assertThat(records).as("one record per entry, none twice").hasSize(7);
            KeyValueStore<String, byte[]> store = driver.getKeyValueStore(RouterTopology.HISTORY_STORE);
            List<String> keys = new ArrayList<>();
            try (var it = store.all()) {
                it.forEachRemaining(kv -> keys.add(kv.key));
            }
            assertThat(keys).as("the look-up keys derived by the global store").containsAll(
                    HistoryKeys.derived(entry)).containsAll(HistoryKeys.derived(older))
                    .contains("h|HK-7K2M-9QXD", "k|HK-7K2M-9QXD").hasSize(14); // seven each
            driver.advanceWallClockTime(Duration.ofSeconds(2));
            assertThat(history.isEmpty()).as("rewritten once").isTrue();
        }
    }

    @Test
    void entriesOlderThanTheLongerWindowPlusTheMarginArePrunedFromTheTopicAndTheStore() {
        try (TopologyTestDriver driver = driver(AT.plus(Duration.ofDays(36)))) { // kept: 35 days
            TestInputTopic<String, byte[]> in = driver.createInputTopic(RouterTopology.HISTORY_TOPIC,
                    new StringSerializer(), new ByteArraySerializer());
            HistoryEntry old = new HistoryEntry(ComplaintId.of("HK-7K2M-9QXD"), AT, "3号楼", "101", "hash-of-wang",
                    "facility", "水管漏水", null);
            HistoryEntry recent = new HistoryEntry(ComplaintId.of("HK-7K2M-9QXE"), AT.plus(Duration.ofDays(2)), "3号楼",
                    "101", "hash-of-wang", "facility", "水管漏水", null);
            in.pipeInput("h|HK-7K2M-9QXD", codec.write(old));
            in.pipeInput("h|HK-7K2M-9QXE", codec.write(recent));
            TestOutputTopic<String, byte[]> history = driver.createOutputTopic(RouterTopology.HISTORY_TOPIC,
                    new StringDeserializer(), new ByteArrayDeserializer());

            driver.advanceWallClockTime(Duration.ofSeconds(2));

            assertThat(history.readKeyValuesToList()).containsExactly(new KeyValue<>("h|HK-7K2M-9QXD", null));
            KeyValueStore<String, byte[]> store = driver.getKeyValueStore(RouterTopology.HISTORY_STORE);
            List<String> keys = new ArrayList<>();
            try (var it = store.all()) {
                it.forEachRemaining(kv -> keys.add(kv.key));
            }
            assertThat(keys).as("every key of the pruned entry gone").noneMatch(key -> key.endsWith("HK-7K2M-9QXD"))
                    .contains("h|HK-7K2M-9QXE");
        }
    }

    private TopologyTestDriver driver(Instant now) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "history-upgrade-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        return new TopologyTestDriver(RouterTopology.build(null, Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(1),
                Duration.ofDays(35), sealing), props);
    }
}
