package io.hearken.notifier;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.kafka.StateTopic;
import io.hearken.events.kafka.TopicRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ProgressNoted;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * One Spring context for every notifier test (same annotations and properties, so it is cached and shared),
 * on the real embedded Kafka and GreenMail of this test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hearken.embedded.mode=test", "server.port=0", "hearken.staff.demo-accounts=true",
        // Every test class clicks satisfaction links from 127.0.0.1 in one context: room for all of them.
        "hearken.notifier.satisfaction-limit.capacity=200"})
public abstract class NotifierTestSupport {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    /** The SMS gateway of every notifier test: a real local HTTP server (WireMock), one per test JVM. */
    protected static final SmsGatewayStub SMS_GATEWAY = SmsGatewayStub.shared();

    /** SMS on, against the stub (the shipped default is off). */
    @org.springframework.test.context.DynamicPropertySource
    static void smsGateway(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("hearken.notifier.sms.enabled", () -> "true");
        registry.add("hearken.notifier.sms.gateway-url", SMS_GATEWAY::url);
    }

    @Autowired
    protected KafkaOperations<String, ComplaintEvent> kafka;

    @Autowired
    protected ConsumerFactory<String, ComplaintEvent> consumers;

    @LocalServerPort
    protected int port;

    /** The first routing of each complaint made by {@link #acknowledgedComplaint}, to redeliver it. */
    protected final Map<ComplaintId, ComplaintRouted> firstRouting = new java.util.concurrent.ConcurrentHashMap<>();

    protected GreenMail greenMail() {
        return EmbeddedServers.current().mail().greenMail();
    }

    /** Every mail delivered, in order, except the copies in the notifier's sent-mail journal. */
    protected List<MimeMessage> received() {
        java.util.Set<MimeMessage> journal = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        try {
            var user = greenMail().getUserManager().getUserByEmail(io.hearken.embedded.EmbeddedMail.JOURNAL_ADDRESS);
            if (user != null) {
                greenMail().getManagers().getImapHostManager().getInbox(user).getMessages()
                        .forEach(m -> journal.add(m.getMimeMessage()));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Arrays.stream(greenMail().getReceivedMessages()).filter(m -> !journal.contains(m)).toList();
    }

    protected void publish(String topic, ComplaintEvent event) {
        try {
            kafka.send(topic, event.complaintId().value(), event).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the router writes to {@code complaints.state} after these events of one complaint (there is no router in
     * these tests): the record the directory rebuilds from.
     */
    protected void publishState(ComplaintEvent... events) {
        ComplaintSnapshot snapshot = ComplaintSnapshot.empty(events[0].complaintId());
        for (ComplaintEvent e : events) {
            snapshot = snapshot.with(e);
        }
        try (var producer = new KafkaProducer<String, ComplaintSnapshot>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.current().kafka().bootstrapServers()),
                new StringSerializer(), StateTopic.serializer(io.hearken.events.privacy.StandaloneSealing.of(io.hearken.embedded.EmbeddedServers.current().kafka().bootstrapServers(), io.hearken.embedded.EmbeddedServers.DEMO_MASTER_KEY)))) {
            producer.send(new ProducerRecord<>(Topics.STATE, snapshot.complaintId().value(), snapshot))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String uniqueAddress(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected static ComplaintRouted routed(ComplaintId id, Contact contact, String language, String department) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ComplaintReceived received = new ComplaintReceived(Events.newId(), id, now, Channel.WEB, "form", null, contact,
                ResidentType.TENANT, Place.of("3号楼", "1203"), "zh-CN".equals(language) ? "电梯故障" : "Lift broken",
                "三号楼电梯困人", "facility", language, List.of(), Map.of());
        return new ComplaintRouted(Events.newId(), id, now, received,
                new ComplaintRouted.Classification("facility", Urgency.URGENT, 0.9, false, List.of(), List.of()),
                new ComplaintRouted.Assignment(department, 1, List.of(), now.plus(Duration.ofHours(4)),
                        now.plus(Duration.ofDays(2)), null, null),
                ComplaintRouted.Links.none());
    }

    /** The router's re-routing after a reassignment. */
    protected static ComplaintRouted rerouted(ComplaintRouted first, String to, String reason) {
        ComplaintRouted.Assignment a = first.assignment();
        return new ComplaintRouted(Events.newId(), first.complaintId(), Instant.now(), first.complaint(),
                first.classification(), new ComplaintRouted.Assignment(to, a.priority(), a.priorityReasons(),
                        a.firstResponseDue(), a.resolutionDue(), a.department(), reason), first.links());
    }

    protected static ProgressNoted progress(ComplaintId id, String note) {
        return new ProgressNoted(Events.newId(), id, Instant.now(), staff(), note, true);
    }

    protected static Actor staff() {
        return new Actor("li.na", "Li Na", "maintenance", Actor.Role.STAFF);
    }

    /** A routed complaint whose acknowledgement has arrived, so later mails of the test follow it. */
    protected ComplaintId acknowledgedComplaint(String email, String language) {
        ComplaintId id = TrackingIds.next();
        ComplaintRouted routed = routed(id, new Contact("Zhang Wei", email, null), language, "maintenance");
        firstRouting.put(id, routed);
        publish(Topics.ROUTED, routed);
        publishState(routed);
        await().atMost(WAIT).until(() -> mailsFor(id).size() == 1);
        return id;
    }

    /** Every mail GreenMail received about the complaint (the X-Hearken-Complaint header), any recipient. */
    protected List<MimeMessage> mailsFor(ComplaintId id) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : received()) {
            try {
                String[] h = m.getHeader("X-Hearken-Complaint");
                if (h != null && Arrays.asList(h).contains(id.value())) {
                    found.add(m);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    protected static String header(MimeMessage m, String name) {
        try {
            String[] h = m.getHeader(name);
            return h == null ? null : h[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body part with the given type (text/plain or text/html), searched through the multipart tree. */
    protected static String part(Part part, String type) {
        try {
            if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) part.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart child = mp.getBodyPart(i);
                    String found = part(child, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything on a topic for one complaint, read from the beginning. */
    protected List<ComplaintEvent> eventsOn(String topic, ComplaintId id) {
        return TopicRecords.events(topic).stream().filter(r -> id.value().equals(r.key()) && r.value() != null)
                .map(ConsumerRecord::value).toList();
    }

    protected <T extends ComplaintEvent> List<T> eventsOn(String topic, ComplaintId id, Class<T> type) {
        return eventsOn(topic, id).stream().filter(type::isInstance).map(type::cast).toList();
    }
}
