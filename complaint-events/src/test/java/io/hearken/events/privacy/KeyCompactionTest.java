package io.hearken.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedKafka;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.TrackingIds;
import io.hearken.events.Topics;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.kafka.TopicRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * A destroyed data key leaves the key topic for good: the tombstone, the segment roll that
 * {@link DataKeys#nudgeCompaction} causes, and the broker's log cleaner remove the key's record itself, so not even
 * a copy of the topic taken later holds it. Compaction lag shortened to seconds here (a minute in production).
 */
class KeyCompactionTest {

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void broker() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.PRIVACY_KEYS, 1, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.SEGMENT_MS_CONFIG, "2000", TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "2000",
                    TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, "2000")))).all().get();
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void theRecordOfADestroyedKeyIsCompactedAway() {
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (DataKeys keys = new DataKeys(MasterKey.fromBase64(SealingTest.MASTER), config,
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()))) {
            Sealing sealing = new Sealing(() -> keys, Optional::empty, EventJson.mapper());
            ComplaintId erased = ComplaintId.of("HK-KEPT-2222");
            ComplaintId kept = ComplaintId.of("HK-KEPT-3333");
            SealedJson.write(sealing, SealingTest.routed(erased));
            SealedJson.write(sealing, SealingTest.routed(kept));
            assertThat(keyRecords()).containsKeys(erased.value(), kept.value());

            keys.destroy(erased.value());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                keys.nudgeCompaction(); // as the erasure does a minute after: the segment rolls, the cleaner runs
                Map<String, Integer> records = keyRecords();
                assertThat(records).as("key records with a value, by owner").doesNotContainKey(erased.value())
                        .containsEntry(kept.value(), 1);
            });
        }
    }

    @Test
    void aBatchOfNewComplaintsGetsItsKeysTogetherAndSealingUsesThemWithoutWritingMore() {
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
        PersonalData hashing = new PersonalData("batch-secret");
        try (DataKeys keys = new DataKeys(MasterKey.fromBase64(SealingTest.MASTER), config,
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()))) {
            Sealing sealing = new Sealing(() -> keys, () -> Optional.of(hashing), EventJson.mapper());
            String phone = "1391234" + String.format("%04d", new java.util.Random().nextInt(10_000));
            List<ComplaintReceived> batch = java.util.stream.IntStream.range(0, 20).mapToObj(i -> new ComplaintReceived(
                    "batch-" + i, TrackingIds.next(), Instant.now(), Channel.HOTLINE, "folder", "call-" + i,
                    new Contact(null, null, phone), ResidentType.UNKNOWN, Place.of("5号楼", null), null, "楼道灯坏了",
                    null, "zh-CN", List.of(), Map.of())).toList();

            sealing.prepare(batch);
            Map<String, Integer> prepared = keyRecords();
            for (ComplaintReceived c : batch) {
                assertThat(prepared).containsEntry(c.complaintId().value(), 1);
            }
            batch.forEach(c -> SealedJson.write(sealing, c));
            sealing.prepare(batch); // nothing missing: nothing written
            Map<String, Integer> after = keyRecords();
            for (ComplaintReceived c : batch) {
                assertThat(after).as("sealing used the prepared key").containsEntry(c.complaintId().value(), 1);
            }
            assertThat(keys.resident(hashing.hash(phone)).owners()).as("each key names the resident")
                    .containsAll(batch.stream().map(c -> c.complaintId().value()).toList());
        }
    }

    /** How many records with a value (a key, not a tombstone) the topic holds per owner, read from its start. */
    private static Map<String, Integer> keyRecords() {
        Map<String, Integer> owners = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : TopicRecords.read(kafka.bootstrapServers(), Topics.PRIVACY_KEYS,
                new ByteArrayDeserializer())) {
            if (r.value() != null && r.key().contains("/") && !r.key().startsWith("-/")) {
                owners.merge(r.key().substring(0, r.key().lastIndexOf('/')), 1, Integer::sum);
            }
        }
        return owners;
    }
}
