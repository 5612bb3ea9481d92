package io.hearken.desk;

import static org.awaitility.Awaitility.await;

import io.hearken.desk.board.ComplaintBoard;
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
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.events.kafka.EventWireFormatAutoConfiguration;
import io.hearken.events.kafka.TopicRecords;
import io.hearken.embedded.EmbeddedServers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * One Spring context for every desk test class (same annotations = cached context), on the real embedded Kafka.
 * Elasticsearch and mail are not needed by the desk, so they are not started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hearken.embedded.mode=test", "hearken.elasticsearch.uris=http://127.0.0.1:9", "spring.mail.host=127.0.0.1",
        "hearken.staff.demo-accounts=true",
        // Attachments (DeskFilesTest): the channels' folder as the desk sees it, its own staff folder, small limits.
        "hearken.desk.attachments.roots=target/test-files/channels",
        "hearken.desk.attachments.staff-dir=target/test-files/staff",
        "hearken.desk.attachments.max-file-size=64KB", "hearken.desk.attachments.max-files=2",
        // Canned replies (DeskFilesTest): maintenance's own and the office's.
        "hearken.desk.replies.maintenance[0].title=电梯已报修", "hearken.desk.replies.maintenance[0].language=zh-CN",
        "hearken.desk.replies.maintenance[0].text=您好，{building}的电梯故障（{trackingId}）已由{department}报修。",
        "hearken.desk.replies.maintenance[1].title=Lift reported", "hearken.desk.replies.maintenance[1].language=en",
        "hearken.desk.replies.maintenance[1].text=The lift in {building} ({trackingId}) is reported by {department}.",
        "hearken.desk.replies.office[0].title=Thanks", "hearken.desk.replies.office[0].text=Thank you ({trackingId}).",
        "hearken.desk.replies.cleaning[0].title=保洁已安排", "hearken.desk.replies.cleaning[0].text=保洁已安排。"})
@AutoConfigureMockMvc
public abstract class DeskTestSupport {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    protected KafkaTemplate<String, ComplaintEvent> kafka;

    @Autowired
    protected ComplaintBoard board;

    @LocalServerPort
    protected int port;

    /** A routing decision as the router publishes it, with the whole complaint. */
    /** A board of its own, without Kafka: in-memory data keys, its store in the default local-state folder. Close it. */
    public static ComplaintBoard localBoard() {
        return new ComplaintBoard(io.hearken.events.store.TestLocalState.fresh(), // never a store another test kept
                io.hearken.events.privacy.InMemoryKeys.sealing());
    }

    public static ComplaintRouted routed(String department, int priority, String subject, String building) {
        ComplaintId id = TrackingIds.next();
        Instant now = Instant.now();
        ComplaintReceived received = new ComplaintReceived(Events.newId(), id, now.minusSeconds(5), Channel.WEB, "form",
                null, new Contact("张伟", "zhang.wei@example.com", "13800138000"), ResidentType.TENANT,
                new Place(building, "1203", "东区", null, null, null), subject, subject + "，请尽快处理", null, "zh-CN",
                List.of(), Map.of());
        return new ComplaintRouted(Events.newId(), id, now, received,
                new ComplaintRouted.Classification("elevator", Urgency.NORMAL, 0.9, false, List.of("keyword"), List.of()),
                new ComplaintRouted.Assignment(department, priority, List.of(), now.plus(Duration.ofHours(4)),
                        now.plus(Duration.ofDays(2)), null, null),
                ComplaintRouted.Links.none());
    }

    /** Publishes to the department's queue topic, as the router does, and waits until the desk has it. */
    protected ComplaintRouted assign(ComplaintRouted routed) throws Exception {
        send(Topics.assignments(routed.assignment().department()), routed);
        await().atMost(PATIENCE).until(() -> board.find(routed.complaintId())
                .filter(c -> c.department().equals(routed.assignment().department())).isPresent());
        return routed;
    }

    protected void send(String topic, ComplaintEvent event) throws Exception {
        kafka.send(topic, event.complaintId().value(), event).get(10, TimeUnit.SECONDS);
    }

    /** The complaint's records on complaints.updates, read from the beginning until the wanted events are there. */
    public static List<ConsumerRecord<String, ComplaintEvent>> updatesFor(ComplaintId id,
            Predicate<List<ConsumerRecord<String, ComplaintEvent>>> enough) {
        String bootstrap = EmbeddedServers.current().kafka().bootstrapServers();
        var events = EventWireFormatAutoConfiguration.deserializer(TopicRecords.sealing(bootstrap));
        return await().atMost(PATIENCE).until(() -> TopicRecords.readUncommitted(bootstrap, Topics.UPDATES, events)
                .stream().filter(r -> id.value().equals(r.key())).toList(), enough);
    }

    /** The records of one complaint on intake.desk as they are on the wire (strings, nothing opened). */
    public static List<String> rawIntakeDesk(String id, int expected) {
        await().atMost(PATIENCE).until(() -> rawIntakeDesk(id).size() >= expected);
        // Read again a second later: a second record (a retry published again) would show here.
        return await().pollDelay(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> rawIntakeDesk(id),
                found -> found.size() >= expected);
    }

    private static List<String> rawIntakeDesk(String id) {
        return TopicRecords.readUncommitted(EmbeddedServers.current().kafka().bootstrapServers(), Topics.INTAKE_DESK,
                new StringDeserializer()).stream().filter(r -> id.equals(r.key())).map(ConsumerRecord::value).toList();
    }
}
