package io.hearken.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.StateTopic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ComplaintSnapshotTest {

    private static final ComplaintId ID = EventJsonTest.ID;
    private static final Instant AT = EventJsonTest.AT;
    private static final Actor STAFF = new Actor("li.na", "李娜", "maintenance", Actor.Role.STAFF);

    private static ComplaintRouted routed(String eventId, Instant at, String department) {
        return new ComplaintRouted(eventId, ID, at, EventJsonTest.received(),
                new ComplaintRouted.Classification("facility", Urgency.URGENT, 0.9, false, List.of(), List.of()),
                new ComplaintRouted.Assignment(department, 1, List.of(), at, at, null, null), ComplaintRouted.Links.none());
    }

    @Test
    void foldsEachEventOnceLeavesTheReceivedOutAndKnowsTheLatestRoutingAndStatus() {
        ComplaintRouted first = routed("r1", AT, "maintenance");
        ComplaintAcknowledged ack = new ComplaintAcknowledged("a1", ID, AT.plusSeconds(60), STAFF);
        ComplaintRouted second = routed("r2", AT.plusSeconds(120), "security");
        ComplaintSnapshot s = ComplaintSnapshot.empty(ID).with(EventJsonTest.received()).with(first).with(ack)
                .with(ack).with(second);
        assertThat(s.events()).extracting(ComplaintEvent::eventId).containsExactly("r1", "a1", "r2");
        assertThat(s.latestRouting()).isEqualTo(second);
        assertThat(s.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(s.at()).isEqualTo(AT.plusSeconds(120));
        assertThat(s.with(ack)).isSameAs(s);
        assertThat(s.with(new ComplaintAcknowledged("x", ComplaintId.of("HK-2222-3333"), AT, STAFF))).isSameAs(s);
    }

    @Test
    void aLongRunningComplaintKeepsItsRoutingAndTheNewestEventsWithinTheLimit() {
        ComplaintSnapshot s = ComplaintSnapshot.empty(ID).with(routed("r1", AT, "maintenance"));
        for (int i = 0; i < ComplaintSnapshot.MAX_EVENTS + 10; i++) {
            s = s.with(new ProgressNoted("p" + i, ID, AT.plusSeconds(i + 1), STAFF, "note " + i, false));
        }
        assertThat(s.events()).hasSize(ComplaintSnapshot.MAX_EVENTS);
        assertThat(s.events().get(0).eventId()).isEqualTo("r1");
        assertThat(s.events().get(s.events().size() - 1).eventId()).isEqualTo("p" + (ComplaintSnapshot.MAX_EVENTS + 9));
        assertThat(s.latestRouting().eventId()).isEqualTo("r1");
    }

    @Test
    void roundTripsAsJsonWithItsTypeIdAndTheEventsTypeIds() {
        ComplaintSnapshot s = ComplaintSnapshot.empty(ID).with(routed("r1", AT, "maintenance"))
                .with(new ComplaintResolved("d1", ID, AT.plusSeconds(5), STAFF, "已修好"));
        var sealing = io.hearken.events.privacy.InMemoryKeys.sealing();
        byte[] json = StateTopic.serializer(sealing).serialize(io.hearken.events.Topics.STATE, s);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"type\":\"" + ComplaintSnapshot.TYPE + "\"")
                .contains("\"type\":\"complaint-routed\"", "\"type\":\"complaint-resolved\"", "\"status\":\"RESOLVED\"");
        assertThat(StateTopic.deserializer(sealing).deserialize(io.hearken.events.Topics.STATE, new RecordHeaders(), json))
                .isEqualTo(s);
        // Without the key, the staff's words to the resident are not there; everything else is.
        ComplaintSnapshot plain = EventJson.mapper().readValue(json, ComplaintSnapshot.class);
        assertThat(plain.status()).isEqualTo(s.status());
        assertThat(((ComplaintResolved) plain.events().get(1)).resolution()).isNull();
        assertThat(text).doesNotContain("已修好");
    }
}
