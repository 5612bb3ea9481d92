package io.hearken.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.EventWireFormatAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    static final ComplaintId ID = ComplaintId.of("HK-7K2M-9QXD");
    static final Instant AT = Instant.parse("2026-11-23T08:15:30Z");

    static ComplaintReceived received() {
        return new ComplaintReceived("e1", ID, AT, Channel.WEB, "form", "idem-1",
                new Contact("张伟", "zhang.wei@example.com", "13812345678"), ResidentType.TENANT,
                Place.of("3号楼", "1203"), "电梯故障", "三号楼电梯困人", "facility", "zh-CN",
                List.of(new Attachment("photo.jpg", "image/jpeg", 1234, "ab", "file:///x")), Map.of("ip", "127.0.0.1"));
    }

    @Test
    void everyEventRoundTripsWithItsTypeIdInTheJson() {
        Actor staff = new Actor("li.na", "李娜", "maintenance", Actor.Role.STAFF);
        List<ComplaintEvent> events = List.of(
                received(),
                new FollowUpReceived("e2", ID, AT, Channel.EMAIL, "<m@x>", "thread-headers", "还是漏水", List.of()),
                new FeedbackGiven("e3", ID, AT, Channel.WEB, 2, "没修好"),
                new ComplaintRouted("e4", ID, AT, received(),
                        new ComplaintRouted.Classification("facility", Urgency.URGENT, 0.93, false, List.of("电梯困人"),
                                List.of(new ComplaintRouted.Suggestion("safety", 0.05)), Sentiment.ANGRY, ResidentType.OWNER),
                        new ComplaintRouted.Assignment("maintenance", 90, List.of("urgent"), AT, AT, null, null),
                        new ComplaintRouted.Links(ComplaintId.of("HK-2222-3333"), true, List.of(ComplaintId.of("HK-4444-5555")))),
                new ComplaintAcknowledged("e5", ID, AT, staff),
                new ProgressNoted("e6", ID, AT, staff, "已派维修工", true),
                new InformationRequested("e7", ID, AT, staff, "请提供照片"),
                new ComplaintResolved("e8", ID, AT, staff, "已更换零件"),
                new ComplaintReassigned("e9", ID, AT, staff, "maintenance", "security", "门禁归保安部"),
                new DuplicateLinked("e10", ID, AT, staff, ComplaintId.of("HK-2222-3333"), false),
                new ComplaintReopened("e11", ID, AT, staff, "low satisfaction"),
                new ComplaintEscalated("e12", ID, AT, Actor.system("sla-clock"), ComplaintEscalated.Level.SUPERVISOR, "maintenance", "breach"),
                new SlaWarning("e13", ID, AT, SlaClock.FIRST_RESPONSE, AT, "maintenance"),
                new SlaBreached("e14", ID, AT, SlaClock.RESOLUTION, AT, "maintenance"),
                new NotificationSent("e15", ID, AT, "acknowledgement", "email", "z***@example.com", "<id@hearken>", "e4"),
                new NotificationNotSent("e16", ID, AT, "acknowledgement", "no-email", null, "e4"),
                new MailBounced("e17", ID, AT, "zhang.wei@example.com", "abc", true, "5.1.1", "user unknown"),
                new ComplaintAnonymised("e18", ID, AT, Actor.system("retention-policy"), "erasure-1",
                        ComplaintAnonymised.RETENTION),
                new HandlerAssigned("e19", ID, AT, staff, new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF)),
                new ClassificationCorrected("e20", ID, AT, staff, "other", "facility", Urgency.NORMAL, Urgency.URGENT,
                        "电梯困人"),
                new ReturnVisitRecorded("e22", ID, AT, staff, true, false, "住户说仍有异味", true),
                new ComplaintReceived("e21", ID, AT, Channel.WALK_IN, "desk", "desk:li.na:k1",
                        new Contact("王五", null, "13900001111"), ResidentType.OWNER, Place.of("5号楼", "301"), null,
                        "楼道灯不亮", null, "zh-CN", List.of(), Map.of(), staff));
        assertThat(events.subList(0, events.size() - 1)).extracting(e -> e.getClass()).doesNotHaveDuplicates()
                .hasSize(ComplaintEvent.class.getPermittedSubclasses().length);
        for (ComplaintEvent event : events) {
            String json = EventJson.write(event);
            assertThat(json).contains("\"type\":\"" + typeOf(event) + "\"").contains("\"complaintId\":\"HK-7K2M-9QXD\"")
                    .contains("\"at\":\"2026-11-23T08:15:30Z\"");
            assertThat(EventJson.read(json)).isEqualTo(event);
            // the visitor's dispatch names the same type id as the class's constant (each accept calls its own visit)
            assertThat(EventTypes.of(event)).isEqualTo(typeOf(event));
        }
    }

    @Test
    void unknownFieldsAreIgnoredSoTheContractCanGrow() {
        String json = EventJson.write(new ComplaintAcknowledged("e5", ID, AT, Actor.system("x")))
                .replace("{\"type\"", "{\"addedLater\":{\"a\":1},\"type\"");
        assertThat(EventJson.read(json)).isInstanceOf(ComplaintAcknowledged.class);
    }

    @Test
    void aCustomerTypeAddedLaterIsReadAsUnknownByAnOlderReaderNotAsAPoisonRecord() {
        String json = EventJson.write(received()).replace("\"TENANT\"", "\"HOUSEKEEPER\"");
        assertThat(json).contains("HOUSEKEEPER");
        assertThat(((ComplaintReceived) EventJson.read(json)).residentType()).isEqualTo(ResidentType.UNKNOWN);
    }

    /** Sentiment and customer type came later: a new reader accepts routings without them, an old one ignores them. */
    @Test
    void sentimentAndCustomerTypeAreOptionalBothWays() {
        ComplaintRouted routed = new ComplaintRouted("e4", ID, AT, received(),
                new ComplaintRouted.Classification("facility", Urgency.NORMAL, 0.8, false, List.of("model"), List.of(),
                        Sentiment.DISTRESSED, ResidentType.BUSINESS),
                new ComplaintRouted.Assignment("maintenance", 2, List.of("resident distressed"), AT, AT, null, null),
                ComplaintRouted.Links.none());
        String json = EventJson.write(routed);
        assertThat(json).contains("\"sentiment\":\"DISTRESSED\"").contains("\"customerType\":\"BUSINESS\"");
        assertThat(EventJson.read(json)).isEqualTo(routed);

        // an old reader: the classification as it was before, with the same mapping
        OldClassification old = EventJson.mapper().readValue(
                EventJson.mapper().readTree(json).path("classification").toString(), OldClassification.class);
        assertThat(old.category()).isEqualTo("facility");
        assertThat(old.urgency()).isEqualTo(Urgency.NORMAL);

        // an old record: no such fields at all
        String before = json.replace(",\"sentiment\":\"DISTRESSED\"", "").replace(",\"customerType\":\"BUSINESS\"", "");
        assertThat(before).doesNotContain("sentiment").doesNotContain("customerType");
        ComplaintRouted read = (ComplaintRouted) EventJson.read(before);
        assertThat(read.classification().sentiment()).isNull();
        assertThat(read.classification().customerType()).isNull();
        assertThat(read.classification().category()).isEqualTo("facility");
    }

    record OldClassification(String category, Urgency urgency, double confidence, boolean needsTriage,
            List<String> reasons, List<ComplaintRouted.Suggestion> suggestions) {
    }

    @Test
    void theKafkaSerializersUseTheBodyTypeNotClassNameHeaders() {
        var headers = new RecordHeaders();
        var sealing = io.hearken.events.privacy.InMemoryKeys.sealing();
        byte[] bytes = EventWireFormatAutoConfiguration.serializer(sealing).serialize("intake.web", headers, received());
        assertThat(headers.toArray()).isEmpty();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"type\":\"complaint-received\"");
        try (var deserializer = EventWireFormatAutoConfiguration.deserializer(sealing)) {
            assertThat(deserializer.deserialize("intake.web", new RecordHeaders(), bytes)).isEqualTo(received());
        }
    }

    private static String typeOf(ComplaintEvent event) {
        try {
            return (String) event.getClass().getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(event.getClass() + " has no TYPE constant", e);
        }
    }
}
