package io.hearken.router.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.SlaBreached;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.SealedJson;
import io.hearken.events.kafka.StateTopic;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.PersonalData;
import io.hearken.events.privacy.Sealing;
import io.hearken.router.assignment.RoutingTable;
import io.hearken.router.classification.Models;
import io.hearken.router.history.LinkingComplaint;
import io.hearken.router.routing.ComplaintState;
import io.hearken.router.routing.RoutingComplaints;
import io.hearken.router.sla.SlaConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The router's one record per complaint ({@link KeptComplaints}) without a broker: state, snapshot and the next SLA
 * check together, the SLA index rebuilt from them, and a complaint kept the way routers before kept it (the state
 * alone, its snapshot in {@code router-snapshots}) carried on without losing its earlier events.
 */
class KeptComplaintsTest {

    private final Sealing sealing = InMemoryKeys.sealing();
    private final StateCodec codec = new StateCodec(sealing);
    private final RoutingComplaints router = new RoutingComplaints(Models.defaultClassifier(), RoutingTable.defaults(),
            SlaConfig.defaults(), new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3),
            new PersonalData("test-secret"));
    private final Instant t0 = Instant.parse("2026-11-23T03:00:00Z");

    private TopologyTestDriver driver(Clock clock) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "kept-complaints-test-" + Events.newId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        return new TopologyTestDriver(RouterTopology.build(router, clock, Duration.ofSeconds(1), Duration.ofDays(35),
                sealing), props);
    }

    @Test
    void aRoutedComplaintIsOneRecordWithItsStateSnapshotAndNextCheckAndTheIndexIsRebuiltFromIt() {
        try (TopologyTestDriver driver = driver(Clock.fixed(t0, ZoneOffset.UTC))) {
            ComplaintReceived c = complaint();
            String id = c.complaintId().value();
            intake(driver).pipeInput(id, c);

            KeptComplaint kept = codec.kept(driver.<String, byte[]>getKeyValueStore(RouterTopology.COMPLAINTS_STORE).get(id));
            assertThat(kept.state().routed()).isNotNull();
            assertThat(kept.snapshot().latestRouting()).isEqualTo(kept.state().routed());
            assertThat(kept.due()).isEqualTo(kept.state().sla().nextCheck().toEpochMilli());
            assertThat(driver.<String, byte[]>getKeyValueStore(RouterTopology.OLD_SNAPSHOT_STORE).get(id)).isNull();

            KeyValueStore<String, Long> index = driver.getKeyValueStore(RouterTopology.SLA_INDEX_STORE);
            index.delete(id); // as after a start on a fresh state folder: the index is not restored, it is rebuilt
            index.put("HK-GONE", 0L); // and what it held of an aborted transaction goes
            driver.advanceWallClockTime(Duration.ofSeconds(2));
            assertThat(index.get(id)).isEqualTo(kept.due());
            assertThat(index.get("HK-GONE")).isNull();
        }
    }

    @Test
    void theSnapshotPublishedIsTheOneKeptSealedOnceAndNeitherHoldsPersonalDataInClear() {
        try (TopologyTestDriver driver = driver(Clock.fixed(t0, ZoneOffset.UTC))) {
            ComplaintReceived c = complaint();
            String id = c.complaintId().value();
            TestOutputTopic<String, byte[]> published = driver.createOutputTopic(Topics.STATE, new StringDeserializer(),
                    new ByteArrayDeserializer());
            intake(driver).pipeInput(id, c);

            byte[] record = driver.<String, byte[]>getKeyValueStore(RouterTopology.COMPLAINTS_STORE).get(id);
            List<byte[]> written = published.readValuesToList();
            byte[] snapshot = written.get(written.size() - 1);
            // The same ciphertext in both (a second sealing would draw new nonces): sealed once.
            assertThat(EventJson.mapper().readTree(record).get("snapshot")).isEqualTo(EventJson.mapper().readTree(snapshot));
            assertThat(new String(record, StandardCharsets.UTF_8) + new String(snapshot, StandardCharsets.UTF_8))
                    .contains("\"sealed\"").doesNotContain("王芳", "wang@example.com", "电梯按钮失灵");
            ComplaintSnapshot opened = codec.snapshot(snapshot);
            assertThat(opened.latestRouting().complaint()).as("opened whole").isEqualTo(c);
            assertThat(codec.kept(record).snapshot()).isEqualTo(opened);
            assertThat(codec.kept(record).state().routed()).isEqualTo(opened.latestRouting());
        }
    }

    @Test
    void aComplaintKeptTheOldWayKeepsItsEarlierEventsAndIsWrittenAsOneRecordAtItsNextChange() {
        ComplaintReceived c = complaint();
        String id = c.complaintId().value();
        ComplaintState state = routedByTheOldRouter(c);
        try (TopologyTestDriver driver = driver(Clock.fixed(t0.plus(Duration.ofHours(25)), ZoneOffset.UTC))) {
            ComplaintRouted routed = state.routed();
            ComplaintAcknowledged earlier = new ComplaintAcknowledged(Events.newId(), c.complaintId(), t0,
                    new Actor("u1", "李师傅", routed.assignment().department(), Actor.Role.STAFF));
            ComplaintSnapshot old = ComplaintSnapshot.empty(c.complaintId()).with(routed).with(earlier);
            KeyValueStore<String, byte[]> store = driver.getKeyValueStore(RouterTopology.COMPLAINTS_STORE);
            store.put(id, SealedJson.write(sealing, state)); // the state alone, as routers before wrote it
            driver.<String, byte[]>getKeyValueStore(RouterTopology.OLD_SNAPSHOT_STORE).put(id, codec.write(old));
            TestOutputTopic<String, ComplaintSnapshot> published = driver.createOutputTopic(Topics.STATE,
                    new StringDeserializer(), StateTopic.deserializer(sealing));

            driver.advanceWallClockTime(Duration.ofSeconds(2)); // the index rebuilt from the old record: the breach
            List<ComplaintSnapshot> written = published.readValuesToList();
            assertThat(written).as("no backfill: it has its record").isNotEmpty().allSatisfy(s ->
                    assertThat(s.events()).extracting(ComplaintEvent::eventId).startsWith(routed.eventId(), earlier.eventId()));
            ComplaintSnapshot latest = written.get(written.size() - 1);
            assertThat(latest.events()).anyMatch(SlaBreached.class::isInstance);

            KeptComplaint kept = codec.kept(store.get(id));
            assertThat(kept.snapshot()).as("now one record").isEqualTo(latest);
            assertThat(kept.state().breaches()).isPositive();
        }
    }

    private ComplaintState routedByTheOldRouter(ComplaintReceived c) {
        try (TopologyTestDriver driver = driver(Clock.fixed(t0, ZoneOffset.UTC))) {
            intake(driver).pipeInput(c.complaintId().value(), c);
            return codec.kept(driver.<String, byte[]>getKeyValueStore(RouterTopology.COMPLAINTS_STORE)
                    .get(c.complaintId().value())).state();
        }
    }

    private TestInputTopic<String, ComplaintEvent> intake(TopologyTestDriver driver) {
        return driver.createInputTopic(Topics.INTAKE_WEB, new StringSerializer(), SealedJson.serializer(sealing));
    }

    private ComplaintReceived complaint() {
        return new ComplaintReceived(Events.newId(), TrackingIds.next(), t0, Channel.WEB, "form", null,
                new Contact("王芳", "wang@example.com", null), ResidentType.TENANT, Place.of("3号楼", "101"), null,
                "电梯按钮失灵，按了没反应", null, "zh-CN", List.of(), Map.of());
    }
}
