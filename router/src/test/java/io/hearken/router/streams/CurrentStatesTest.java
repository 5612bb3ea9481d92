package io.hearken.router.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.events.kafka.StateTopic;
import io.hearken.router.routing.ComplaintState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;

/** The router's topology without a broker: what {@link CurrentStates} publishes for complaints routed before it. */
class CurrentStatesTest {

    @Test
    void aComplaintRoutedBeforeTheStateTopicExistedGetsItsRecordOnceAfterTheStart() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "current-states-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        // No record is piped, so the routing logic is never called; the SLA punctuation runs the backfill.
        Sealing sealing = InMemoryKeys.sealing();
        StateCodec codec = new StateCodec(sealing);
        try (TopologyTestDriver driver = new TopologyTestDriver(
                RouterTopology.build(null, Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofDays(35), sealing), props)) {
            ComplaintRouted routed = routed(TrackingIds.next());
            KeyValueStore<String, byte[]> complaints = driver.getKeyValueStore(RouterTopology.COMPLAINTS_STORE);
            complaints.put(routed.complaintId().value(), codec.write(new ComplaintState(routed.complaintId(), routed,
                    ComplaintStatus.ACKNOWLEDGED, null, false, 0, List.of())));
            TestOutputTopic<String, ComplaintSnapshot> state = driver.createOutputTopic(Topics.STATE,
                    new StringDeserializer(), StateTopic.deserializer(sealing));

            driver.advanceWallClockTime(Duration.ofSeconds(2));
            List<KeyValue<String, ComplaintSnapshot>> written = state.readKeyValuesToList();
            assertThat(written).singleElement().satisfies(kv -> {
                assertThat(kv.key).isEqualTo(routed.complaintId().value());
                assertThat(kv.value.latestRouting()).isEqualTo(routed);
                assertThat(kv.value.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
            });
            KeptComplaint kept = codec.kept(complaints.get(routed.complaintId().value()));
            assertThat(kept.snapshot()).as("kept with the state, in one record").isEqualTo(written.get(0).value);
            assertThat(kept.state().routed()).isEqualTo(routed);

            driver.advanceWallClockTime(Duration.ofSeconds(2));
            assertThat(state.isEmpty()).as("written once, not at every tick").isTrue();
        }
    }

    private static ComplaintRouted routed(ComplaintId id) {
        Instant now = Instant.now();
        ComplaintReceived received = new ComplaintReceived("r-" + id, id, now, Channel.WEB, "form", null,
                new Contact("王芳", "wang@example.com", null), ResidentType.TENANT, Place.of("3号楼", "101"), null,
                "水管漏水", null, "zh-CN", List.of(), Map.of());
        return new ComplaintRouted("routed-" + id, id, now, received,
                new ComplaintRouted.Classification("facility", Urgency.NORMAL, 0.9, false, List.of(), List.of()),
                new ComplaintRouted.Assignment("maintenance", 3, List.of(), null, null, null, null),
                ComplaintRouted.Links.none());
    }
}
