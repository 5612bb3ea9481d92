package io.hearken.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.embedded.EmbeddedKafka;
import io.hearken.events.Attachment;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.Place;
import io.hearken.events.ProgressNoted;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.Urgency;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.SealedJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Crypto-shredding on a real broker: personal fields never reach Kafka's bytes, another process (its own key store
 * reading {@code privacy.keys}) opens them, and once the key is destroyed every copy reads back anonymous.
 */
class SealingTest {

    static final String MASTER = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";
    static final PersonalData HASHING = new PersonalData("sealing-test-secret");

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void broker() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.PRIVACY_KEYS, 2, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    static DataKeys keys(String master) {
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
        return new DataKeys(MasterKey.fromBase64(master), config, new DefaultKafkaConsumerFactory<>(
                Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer()));
    }

    static Sealing sealing(DataKeys keys) {
        return new Sealing(() -> keys, () -> Optional.of(HASHING), EventJson.mapper());
    }

    static ComplaintRouted routed(ComplaintId id) {
        ComplaintReceived received = new ComplaintReceived("e-" + id.value(), id, Instant.parse("2026-12-06T08:00:00Z"),
                Channel.WEB, "api", "key-1", new Contact("张伟", "zhang.wei@example.com", "13812345678"),
                ResidentType.OWNER, new Place("3号楼", "1203室", "东区", "幸福路8号", 31.2, 121.5), "楼道漏水",
                "我家楼上漏水三天了，电话13812345678", null, "zh",
                List.of(new Attachment("漏水照片.jpg", "image/jpeg", 10, "abc", "file:///x/1.jpg")),
                Map.of("caller", "13812345678"));
        return new ComplaintRouted("r-" + id.value(), id, received.at(), received,
                new ComplaintRouted.Classification("plumbing", Urgency.NORMAL, 0.9, false, List.of(), List.of()),
                new ComplaintRouted.Assignment("maintenance", 3, List.of(), null, null, null, null),
                ComplaintRouted.Links.none());
    }

    @Test
    void personalFieldsNeverReachTheBytesAndAnotherProcessOpensThem() {
        ComplaintId id = ComplaintId.of("HK-SEAL-2222");
        ComplaintRouted routed = routed(id);
        try (DataKeys writer = keys(MASTER); DataKeys reader = keys(MASTER)) {
            byte[] bytes = SealedJson.write(sealing(writer), routed);
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (String secret : List.of("张伟", "zhang.wei", "13812345678", "1203", "幸福路", "漏水", "31.2", "照片")) {
                assertThat(text).as("sealed bytes").doesNotContain(secret);
            }
            assertThat(text).contains("3号楼", "plumbing", "maintenance", "HK-SEAL-2222", "\"sealed\"");

            assertThat(SealedJson.read(sealing(reader), bytes, io.hearken.events.ComplaintEvent.class)).isEqualTo(routed);
            assertThat(reader.ownersOf(HASHING.hash("Zhang.Wei@example.com"))).contains(id.value());
            assertThat(reader.ownersOf(HASHING.hash("+86 138-1234-5678"))).contains(id.value());
            // A resident known by phone alone is linked to their e-mail through a complaint that gave both.
            ComplaintId byPhone = ComplaintId.of("HK-SEAL-6666");
            ComplaintRouted call = routed(byPhone);
            call = new ComplaintRouted(call.eventId(), byPhone, call.at(), new ComplaintReceived("e-phone", byPhone,
                    call.at(), Channel.HOTLINE, "folder", "call-1", new Contact(null, null, "13900001111"), null,
                    null, null, "x", null, "zh", null, null), call.classification(), call.assignment(), call.links());
            SealedJson.write(sealing(writer), call);
            ComplaintRouted both = routed(ComplaintId.of("HK-SEAL-7777"));
            both = new ComplaintRouted(both.eventId(), both.complaintId(), both.at(), new ComplaintReceived("e-both",
                    both.complaintId(), both.at(), Channel.WEB, "api", "k", new Contact("李四", "li.si@example.com",
                    "13900001111"), null, null, null, "y", null, "zh", null, null), both.classification(),
                    both.assignment(), both.links());
            SealedJson.write(sealing(writer), both);
            DataKeys.Resident resident = reader.resident(HASHING.hash("li.si@example.com"));
            assertThat(resident.owners()).containsExactlyInAnyOrder("HK-SEAL-6666", "HK-SEAL-7777");
            assertThat(resident.contactHashes()).containsExactlyInAnyOrder(HASHING.hash("li.si@example.com"),
                    HASHING.hash("13900001111"));
        }
    }

    @Test
    void aDestroyedKeyLeavesEveryCopyAnonymousButReadable() {
        ComplaintId id = ComplaintId.of("HK-SEAL-3333");
        ComplaintId other = ComplaintId.of("HK-SEAL-4444");
        try (DataKeys writer = keys(MASTER); DataKeys reader = keys(MASTER)) {
            Sealing sealing = sealing(writer);
            ProgressNoted note = new ProgressNoted("n-1", id, Instant.parse("2026-12-06T09:00:00Z"), null,
                    "已联系张伟先生", true);
            ComplaintSnapshot snapshot = ComplaintSnapshot.empty(id).with(routed(id)).with(note);
            byte[] snapshotBytes = SealedJson.write(sealing, snapshot);
            byte[] otherBytes = SealedJson.write(sealing, routed(other));

            assertThat(reader.destroy(id.value())).isEqualTo(1);
            // The writer learns of it from the topic (its tail), within moments.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                    SealedJson.read(sealing(writer), snapshotBytes, ComplaintSnapshot.class).latestRouting().complaint()
                            .contact() == null);

            for (DataKeys keys : List.of(writer, reader)) {
                ComplaintSnapshot read = SealedJson.read(sealing(keys), snapshotBytes, ComplaintSnapshot.class);
                ComplaintReceived complaint = read.latestRouting().complaint();
                assertThat(complaint.contact()).isNull();
                assertThat(complaint.description()).isNull();
                assertThat(complaint.attachments()).isEmpty();
                assertThat(complaint.place().unit()).isNull();
                assertThat(complaint.place().building()).isEqualTo("3号楼");
                assertThat(read.latestRouting().classification().category()).isEqualTo("plumbing");
                assertThat(read.status()).isEqualTo(snapshot.status()).isEqualTo(ComplaintStatus.after(
                        ComplaintStatus.after(null, routed(id)), note));
                assertThat(((ProgressNoted) read.events().get(1)).note()).isNull();
                // Another resident's complaint keeps everything.
                assertThat(SealedJson.read(sealing(keys), otherBytes, ComplaintRouted.class)).isEqualTo(routed(other));
            }
            assertThat(reader.ownersOf(HASHING.hash("zhang.wei@example.com"))).contains(other.value())
                    .doesNotContain(id.value());
        }
    }

    /** The tail reading a new key's own record back while an anonymisation forgets it must not bring it back. */
    @Test
    void aKeyForgottenWhileItsOwnRecordIsOnItsWayBackStaysForgotten() {
        try (DataKeys keys = keys(MASTER)) {
            Sealing sealing = sealing(keys);
            List<byte[]> sealed = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ComplaintId id = io.hearken.events.TrackingIds.next();
                sealed.add(SealedJson.write(sealing, routed(id)));
                keys.forgetBefore(id.value(), Instant.now().plusSeconds(1));
            }
            keys.resident("nobody"); // waits until the tail has read every key record back
            for (byte[] bytes : sealed) {
                assertThat(SealedJson.read(sealing, bytes, ComplaintRouted.class).complaint().contact()).isNull();
            }
        }
    }

    @Test
    void seeingTheAnonymisationForgetsTheOlderKeysAtOnceButNotOneMadeAfterIt() {
        ComplaintId id = ComplaintId.of("HK-SEAL-8888");
        try (DataKeys keys = keys(MASTER)) {
            Sealing sealing = sealing(keys);
            byte[] before = SealedJson.write(sealing, routed(id));
            // Announced, while this process has not seen the key's tombstone (here: the key was never destroyed).
            Instant at = Instant.now();
            var anonymised = new io.hearken.events.ComplaintAnonymised("a-1", id, at, null, "erasure-9",
                    io.hearken.events.ComplaintAnonymised.REQUEST);
            SealedJson.read(sealing, SealedJson.write(sealing, anonymised), io.hearken.events.ComplaintEvent.class);
            assertThat(SealedJson.read(sealing, before, ComplaintRouted.class).complaint().contact()).isNull();
            // A note written after the erasure gets a key of its own and stays readable.
            ProgressNoted later = new ProgressNoted("n-9", id, at.plusSeconds(5), null, "已上门维修", true);
            byte[] note = SealedJson.write(sealing, later);
            assertThat(SealedJson.read(sealing, note, ProgressNoted.class).note()).isEqualTo("已上门维修");
        }
    }

    /**
     * A process that read a complaint just before its key was destroyed (an event in flight, a copy in memory) and
     * seals it again afterwards must not make a new key: the data would outlive the erasure under it. Here the key
     * is destroyed by another process, and this one learns of it from the tombstone alone (no anonymisation seen).
     */
    @Test
    void dataFromBeforeAnErasureIsNeverSealedUnderANewKey() {
        ComplaintId id = io.hearken.events.TrackingIds.next();
        ComplaintRouted routed = routed(id);
        try (DataKeys sealer = keys(MASTER); DataKeys eraser = keys(MASTER); DataKeys reader = keys(MASTER)) {
            Sealing sealing = sealing(sealer);
            SealedJson.write(sealing, routed);
            eraser.resident("nobody"); // has read the key
            Instant erasure = Instant.now();
            assertThat(eraser.destroy(id.value())).isEqualTo(1);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> sealer.erasedAt(id.value()) != null);
            assertThat(sealer.erasedAt(id.value())).isAfterOrEqualTo(erasure.minusSeconds(5));

            // The routing as this process still holds it in memory, sealed again after the erasure.
            byte[] again = SealedJson.write(sealing, routed);
            assertThat(new String(again, StandardCharsets.UTF_8)).doesNotContain("\"sealed\"", "张伟", "13812345678");
            reader.resident("nobody"); // has read every key record written so far
            assertThat(reader.ownersOf(HASHING.hash("zhang.wei@example.com"))).doesNotContain(id.value());
            assertThat(SealedJson.read(sealing(reader), again, ComplaintRouted.class).complaint().contact()).isNull();

            // A note written after the erasure still gets a key of its own, readable by another process.
            ProgressNoted later = new ProgressNoted("n-after", id, Instant.now().plusSeconds(1), null, "已上门维修", true);
            byte[] note = SealedJson.write(sealing, later);
            assertThat(SealedJson.read(sealing(reader), note, ProgressNoted.class).note()).isEqualTo("已上门维修");
        }
    }

    @Test
    void threadsAskingAtOnceGetOneKeyPerOwner() throws Exception {
        try (DataKeys keys = keys(MASTER)) {
            int threads = 32;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<SealingKeys.Sealer>> asked = new java.util.ArrayList<>();
            for (int i = 0; i < threads * 4; i++) {
                String owner = "HK-CONC-" + (i % 8); // eight owners, sixteen threads asking for each
                asked.add(pool.submit(() -> {
                    go.await();
                    return keys.sealer(owner, List.of());
                }));
            }
            go.countDown();
            Map<String, java.util.Set<Integer>> keyIds = new java.util.HashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                keyIds.computeIfAbsent("HK-CONC-" + (i % 8), o -> new java.util.HashSet<>())
                        .add(asked.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS).keyId());
            }
            pool.shutdown();
            assertThat(keyIds).hasSize(8).allSatisfy((owner, ids) -> assertThat(ids).as(owner).hasSize(1));
            for (String owner : keyIds.keySet()) {
                assertThat(keys.destroy(owner)).as("keys written for " + owner).isEqualTo(1);
            }
        }
    }

    @Test
    void aWrongMasterKeyIsNamedNotSilentlyIgnored() {
        ComplaintId id = ComplaintId.of("HK-SEAL-5555");
        byte[] bytes;
        try (DataKeys writer = keys(MASTER)) {
            bytes = SealedJson.write(sealing(writer), routed(id));
        }
        String wrong = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        try (DataKeys reader = keys(wrong)) {
            assertThatThrownBy(() -> SealedJson.read(sealing(reader), bytes, ComplaintRouted.class))
                    .hasMessageContaining("hearken.privacy.master-key");
        }
        assertThatThrownBy(() -> MasterKey.fromBase64(null)).hasMessageContaining("HEARKEN_PRIVACY_MASTERKEY");
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}
