package io.hearken.intake.hotline.folder;

import io.hearken.embedded.TcpProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.readmodel.ComplaintLookup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read model (Elasticsearch) goes away while files arrive: a real TCP proxy in front of the real node
 * drops every connection. A call whose fate depends on the read model (a tracking id named by the agent, a
 * caller with an open complaint, a new complaint's tracking id) is not published on a guess: its file stays in
 * the inbox and goes through, decided right, once Elasticsearch answers again. This context has its own inbox
 * and its own indexer group, so it neither takes other contexts' files nor stalls their indexing.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.hotline.scan-interval=200ms",
        "hearken.hotline.stable-for=500ms", "hearken.analytics.indexer-group=hotline-outage-indexer",
        "hearken.elasticsearch.connect-timeout=1s", "hearken.elasticsearch.socket-timeout=5s"})
class HotlineReadModelOutageTest {

    static final Path ROOT = temporary();
    private static TcpProxy proxy;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        // Lazy: resolved when the client bean is made, after the embedded servers started.
        registry.add("hearken.elasticsearch.uris", () -> "http://127.0.0.1:" + proxy().port());
        registry.add("hearken.hotline.inbox", () -> ROOT.resolve("inbox").toString());
    }

    static synchronized TcpProxy proxy() {
        if (proxy == null) {
            try {
                proxy = new TcpProxy(EmbeddedServers.current().elasticsearch().port());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return proxy;
    }

    /** Up again after each test; left open afterwards, so this cached context's indexer is never stuck. */
    @AfterEach
    void elasticsearchBack() {
        proxy().up();
    }

    @AfterAll
    static void upForGood() {
        proxy().up();
    }

    @Autowired
    InboxWatcher watcher;
    @Autowired
    InboxHealthIndicator health;
    @Autowired
    ComplaintLookup lookup;
    @Autowired
    KafkaTemplate<String, ComplaintEvent> kafka;

    @Test
    void aCallFromTheNumberOfAnOpenComplaintWaitsForTheReadModelInsteadOfBecomingANewComplaint() throws Exception {
        ComplaintId open = existingComplaint(new Contact("王芳", null, "13700009901"));

        proxy().down();
        drop("outage-contact.json", """
                {"call_id": "OUT-CONTACT-1", "caller_number": "13700009901", "summary": "居民再次来电催促维修进度"}""");

        awaitRetryLater("outage-contact.json");
        assertThat(ROOT.resolve("inbox/outage-contact.json")).exists();
        assertThat(HotlineEvents.on("OUT-CONTACT-")).isEmpty();
        assertThat(health.health(true).getDetails().get("waiting")).asString()
                .contains("outage-contact.json", "Elasticsearch");

        proxy().up();
        awaitFile("processed", "outage-contact.json");
        assertThat(HotlineEvents.on("OUT-CONTACT-")).singleElement().isInstanceOfSatisfying(FollowUpReceived.class, f -> {
            assertThat(f.complaintId()).isEqualTo(open);
            assertThat(f.matchedBy()).isEqualTo("contact");
        });
    }

    @Test
    void aTrackingIdNamedByTheAgentIsNotTrustedUncheckedAndIsCheckedOnceTheReadModelIsBack() throws Exception {
        ComplaintId existing = existingComplaint(new Contact(null, "zhao@example.com", null));
        ComplaintId unknown = TrackingIds.next();

        proxy().down();
        drop("outage-agent.json", """
                [{"call_id": "OUT-AGENT-1", "summary": "来电人询问工单 %s 的处理进度"},
                 {"call_id": "OUT-AGENT-2", "summary": "来电人报了一个不存在的单号 %s，反映车库漏水"}]"""
                .formatted(existing, unknown));

        awaitRetryLater("outage-agent.json");
        assertThat(ROOT.resolve("inbox/outage-agent.json")).exists();
        assertThat(HotlineEvents.on("OUT-AGENT-")).isEmpty();

        proxy().up();
        awaitFile("processed", "outage-agent.json");
        List<ComplaintEvent> events = HotlineEvents.on("OUT-AGENT-");
        assertThat(events).hasSize(2);
        assertThat(events).filteredOn(e -> "OUT-AGENT-1".equals(HotlineEvents.sourceRef(e))).singleElement()
                .isInstanceOfSatisfying(FollowUpReceived.class, f -> {
                    assertThat(f.complaintId()).isEqualTo(existing);
                    assertThat(f.matchedBy()).isEqualTo("agent");
                });
        assertThat(events).filteredOn(e -> "OUT-AGENT-2".equals(HotlineEvents.sourceRef(e))).singleElement()
                .isInstanceOfSatisfying(ComplaintReceived.class, c -> assertThat(c.complaintId()).isNotEqualTo(unknown));
    }

    @Test
    void aNewComplaintWaitsForItsTrackingIdToBeCheckedAndGoesThroughOnceWhenTheReadModelIsBack() throws Exception {
        proxy().down();
        drop("outage-new.json", """
                {"call_id": "OUT-NEW-1", "location": "9号楼", "summary": "9号楼地下车库入口积水"}""");

        awaitRetryLater("outage-new.json");
        assertThat(ROOT.resolve("inbox/outage-new.json")).exists();
        assertThat(HotlineEvents.on("OUT-NEW-")).isEmpty();

        proxy().up();
        awaitFile("processed", "outage-new.json");
        assertThat(HotlineEvents.on("OUT-NEW-")).singleElement().isInstanceOf(ComplaintReceived.class);
    }

    private void awaitRetryLater(String file) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> watcher.recentReports()
                .stream().anyMatch(r -> r.file().equals(file) && r.result() == FileReport.Result.RETRY_LATER));
    }

    private static void awaitFile(String folder, String name) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(ROOT.resolve(folder).resolve(name)));
    }

    /** A complaint in the read model: routed, as the router would publish it, and indexed by analytics. */
    private ComplaintId existingComplaint(Contact contact) throws Exception {
        ComplaintId id = TrackingIds.next();
        ComplaintReceived received = new ComplaintReceived(Events.newId(), id, Instant.now(), Channel.WEB, "form", null,
                contact, ResidentType.OWNER, Place.of("1号楼", "101"), "厨房漏水", "厨房漏水", null, "zh-CN", List.of(),
                Map.of());
        ComplaintRouted routed = new ComplaintRouted(Events.newId(), id, Instant.now(), received,
                new ComplaintRouted.Classification("maintenance", Urgency.NORMAL, 0.9, false, List.of(), List.of()),
                new ComplaintRouted.Assignment("maintenance", 3, List.of(), null, null, null, null),
                ComplaintRouted.Links.none());
        kafka.send(Topics.ROUTED, id.value(), routed).get();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> lookup.find(id).isPresent());
        return id;
    }

    /** Written elsewhere, then renamed in: the watcher never sees a half-written file. */
    private static void drop(String name, String content) throws IOException {
        Path staging = ROOT.resolve("staging");
        Files.createDirectories(staging);
        Files.createDirectories(ROOT.resolve("inbox"));
        Path temp = Files.writeString(staging.resolve(name), content, StandardCharsets.UTF_8);
        Files.move(temp, ROOT.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path temporary() {
        try {
            return Files.createTempDirectory("hearken-hotline-es-outage");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
