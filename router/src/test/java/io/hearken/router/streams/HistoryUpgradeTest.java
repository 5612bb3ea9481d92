package io.hearken.router.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;
import io.hearken.router.history.HistoryEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.Test;

/**
 * A router upgraded over a {@code router.history} written with the keys before ({@code b|building|id},
 * {@code r|hash|id}): at its first tick it writes each entry under the timed keys and deletes the old ones, on the
 * topic (so every instance's global store follows), in its own transaction.
 */
class HistoryUpgradeTest {

    @Test
    void entriesUnderTheOldKeysAreRewrittenOnTheHistoryTopicAtTheStart() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "history-upgrade-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        Sealing sealing = InMemoryKeys.sealing();
        StateCodec codec = new StateCodec(sealing);
        HistoryEntry entry = new HistoryEntry(ComplaintId.of("HK-7K2M-9QXD"), Instant.parse("2026-11-23T03:00:00Z"),
                "3号楼", "101", "hash-of-wang", "facility", "水管漏水", null);
        try (TopologyTestDriver driver = new TopologyTestDriver(
                RouterTopology.build(null, Clock.systemUTC(), Duration.ofSeconds(1), sealing), props)) {
            TestInputTopic<String, byte[]> before = driver.createInputTopic(RouterTopology.HISTORY_TOPIC,
                    new StringSerializer(), new ByteArraySerializer());
            before.pipeInput("b|3号楼|HK-7K2M-9QXD", codec.write(entry));
            before.pipeInput("r|hash-of-wang|HK-7K2M-9QXD", codec.write(entry));
            TestOutputTopic<String, byte[]> history = driver.createOutputTopic(RouterTopology.HISTORY_TOPIC,
                    new StringDeserializer(), new ByteArrayDeserializer());

            driver.advanceWallClockTime(Duration.ofSeconds(2));

            Map<String, HistoryEntry> written = new HashMap<>();
            List<KeyValue<String, byte[]>> records = history.readKeyValuesToList();
            records.forEach(kv -> written.put(kv.key, kv.value == null ? null : codec.history(kv.value)));
            String time = String.valueOf(entry.at().toEpochMilli());
            assertThat(written).containsEntry("b|3号楼|HK-7K2M-9QXD", null)
                    .containsEntry("r|hash-of-wang|HK-7K2M-9QXD", null)
                    .containsEntry("bt|3号楼|" + time + "|HK-7K2M-9QXD", entry)
                    .containsEntry("rt|hash-of-wang|" + time + "|HK-7K2M-9QXD", entry)
                    .containsKey("id|HK-7K2M-9QXD")
                    .hasSize(5);
            assertThat(written.get("id|HK-7K2M-9QXD").residentHash()).isEqualTo("hash-of-wang");

            driver.advanceWallClockTime(Duration.ofSeconds(2));
            assertThat(history.isEmpty()).as("rewritten once").isTrue();
        }
    }
}
