package io.hearken.intake.hotline.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.Urgency;
import io.hearken.intake.hotline.HotlineIntegrationTest;
import io.hearken.intake.hotline.call.Call;
import io.hearken.readmodel.ComplaintLookup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A call's tracking id is derived from its call id (40 bits): at a million calls two of them share one about
 * every third time, and any of them may meet a complaint of another channel. A new complaint's id is checked
 * against the read model and against the other calls of the same file before it is used.
 */
class CheckedTrackingIdsTest extends HotlineIntegrationTest {

    @Autowired
    ComplaintLookup lookup;
    @Autowired
    KafkaTemplate<String, ComplaintEvent> kafka;
    @Autowired
    ProcessedCalls processedCalls;
    @Value("${hearken.privacy.secret}")
    String secret;

    @Test
    void aCallWhoseDerivedIdAnotherComplaintHasGetsAnotherId() throws Exception {
        ComplaintId taken = new CallEvents(secret).complaintIdFor("IDS-TAKEN-1");
        existingComplaint(taken);

        dropBytes("ids-taken.json", """
                {"call_id": "IDS-TAKEN-1", "summary": "2号楼水泵房噪音很大"}""".getBytes(StandardCharsets.UTF_8));

        awaitFile(processed(), "ids-taken.json");
        List<ConsumerRecord<String, ComplaintEvent>> events = hotlineEvents("IDS-TAKEN-1");
        assertThat(events).singleElement().satisfies(r -> {
            assertThat(r.value()).isInstanceOf(ComplaintReceived.class);
            assertThat(r.value().complaintId()).isNotEqualTo(taken);
            assertThat(r.key()).isEqualTo(r.value().complaintId().value());
        });
        assertThat(lookup.find(taken).orElseThrow().channel()).isEqualToIgnoringCase("WEB");
    }

    @Test
    void twoCallsOfOneFileWhoseDerivedIdsCollideGetTwoIds() throws Exception {
        String[] pair = collidingCallIds("IDS-PAIR-");
        CallEvents events = new CallEvents(secret);
        assertThat(events.complaintIdFor(pair[0])).isEqualTo(events.complaintIdFor(pair[1]));

        dropBytes("ids-pair.csv", ("call_id,summary\n" + pair[0] + ",7号楼电梯异响\n" + pair[1] + ",12号楼垃圾未清运\n")
                .getBytes(StandardCharsets.UTF_8));

        awaitFile(processed(), "ids-pair.csv");
        List<ComplaintEvent> published = hotlineEvents("IDS-PAIR-").stream().map(ConsumerRecord::value).toList();
        assertThat(published).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(ComplaintReceived.class));
        assertThat(published.stream().map(ComplaintEvent::complaintId).distinct()).hasSize(2);
    }

    @Test
    void aCallReadAgainAfterACrashKeepsItsReservedIdThoughTheReadModelKnowsItByThen() throws Exception {
        // The run that died: the id was reserved and the event went out (and was indexed); the call was not recorded.
        Call call = new Call(1, "IDS-CRASH-1", null, null, null, null, null, null, null, "6号楼水箱溢水", List.of(), null);
        ComplaintId reserved = new CallEvents(secret).complaintIdFor(call.callId());
        processedCalls.reserve(Map.of(call.callId(), reserved.value()));
        ComplaintEvent first = CallEvents.newComplaint(call, reserved, "folder");
        kafka.send(Topics.INTAKE_HOTLINE, reserved.value(), first).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> lookup.find(reserved).isPresent());
        processedCalls.reload(); // the restart reads the reservation back from its topic

        dropBytes("ids-crash.json", """
                {"call_id": "IDS-CRASH-1", "summary": "6号楼水箱溢水"}""".getBytes(StandardCharsets.UTF_8));

        awaitFile(processed(), "ids-crash.json");
        // Sent again (the window the docs name), but as the same event of the same complaint: no second complaint.
        assertThat(hotlineEvents("IDS-CRASH-1")).hasSize(2).allSatisfy(r -> {
            assertThat(r.value()).isInstanceOf(ComplaintReceived.class);
            assertThat(r.value().complaintId()).isEqualTo(reserved);
            assertThat(r.value().eventId()).isEqualTo(first.eventId());
        });
        assertThat(processedCalls.complaintOf("IDS-CRASH-1")).contains(reserved.value());
    }

    /**
     * Two call ids whose derived ids are equal (a birthday search over 40 bits: about 1.3 million tries),
     * computed as {@link CallEvents#complaintIdFor} does, with one Mac and an open-addressing table of longs.
     */
    private String[] collidingCallIds(String prefix) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        int bits = 23;
        long[] table = new long[1 << bits]; // entry: (40-bit id + 1) << 23 | index
        for (int i = 0; i < (1 << bits) - 1; i++) {
            byte[] h = mac.doFinal(("hotline-call\u001f" + prefix + i).getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int b = 0; b < 5; b++) {
                id = id << 8 | (h[b] & 0xFF);
            }
            int slot = (int) ((id * 0x9E3779B97F4A7C15L) >>> (64 - bits));
            while (table[slot] != 0) {
                if ((table[slot] >>> bits) - 1 == id) {
                    return new String[] {prefix + (table[slot] & ((1 << bits) - 1)), prefix + i};
                }
                slot = (slot + 1) & ((1 << bits) - 1);
            }
            table[slot] = (id + 1) << bits | i;
        }
        throw new IllegalStateException("no collision found");
    }

    /** A web complaint in the read model with the given id: routed and indexed by analytics. */
    private void existingComplaint(ComplaintId id) throws Exception {
        ComplaintReceived received = new ComplaintReceived(Events.newId(), id, Instant.now(), Channel.WEB, "form", null,
                new Contact(null, "sun@example.com", null), ResidentType.OWNER, Place.of("1号楼", "101"), "厨房漏水",
                "厨房漏水", null, "zh-CN", List.of(), Map.of());
        ComplaintRouted routed = new ComplaintRouted(Events.newId(), id, Instant.now(), received,
                new ComplaintRouted.Classification("maintenance", Urgency.NORMAL, 0.9, false, List.of(), List.of()),
                new ComplaintRouted.Assignment("maintenance", 3, List.of(), null, null, null, null),
                ComplaintRouted.Links.none());
        kafka.send(Topics.ROUTED, id.value(), routed).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> lookup.find(id).isPresent());
    }
}
