package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
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
import io.hearken.events.kafka.StateTopic;
import io.hearken.events.kafka.TopicRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What the router writes to Kafka per complaint, counted on the real broker: one record per complaint on the
 * {@code router-complaints} changelog (state and {@code complaints.state} record together), none for the SLA index
 * (rebuilt from that store at each start) and none on the old {@code router-snapshots} changelog; and after a restart
 * (a fresh state folder: everything restored from the changelog) a complaint routed before still gets its SLA checks
 * and its updates join its {@code complaints.state} record.
 */
@SpringBootTest(classes = RouterThroughKafkaTest.App.class,
        properties = {"hearken.embedded.mode=test", "hearken.elasticsearch.uris=http://127.0.0.1:9",
                "spring.mail.host=127.0.0.1", "hearken.privacy.secret=router-test-secret",
                "hearken.router.application-id=" + RouterRecordsThroughKafkaTest.APP,
                "hearken.router.sla-check-interval=300ms", "spring.kafka.consumer.auto-offset-reset=earliest"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(RouterRecordsThroughKafkaTest.Clocks.class)
class RouterRecordsThroughKafkaTest {

    static final String APP = "hearken-router-records";
    private static final int N = 20;
    private static final RouterThroughKafkaTest.MovableClock CLOCK = new RouterThroughKafkaTest.MovableClock();

    @TestConfiguration
    static class Clocks {
        @Bean
        Clock routerClock() {
            return CLOCK;
        }
    }

    @Autowired
    KafkaTemplate<String, ComplaintEvent> kafka;

    @Autowired
    RouterEngine engine;

    /** Each in a building of its own: no links, so nothing but the routing writes for it. */
    private static ComplaintReceived complaint(String text) {
        return new ComplaintReceived(Events.newId(), TrackingIds.next(), Instant.now(), Channel.WEB, "form", null,
                new Contact("王芳", "records@example.com", null), ResidentType.TENANT,
                Place.of("R" + UUID.randomUUID() + "号楼", "101"), null, text, null, "zh-CN", List.of(), Map.of());
    }

    @Test
    @Order(1)
    void eachRoutedComplaintIsOneRecordOnTheComplaintsChangelogAndNoneOnTheOthers() throws Exception {
        List<ComplaintReceived> sent = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            ComplaintReceived c = complaint("电梯按钮失灵，按了没反应 " + i);
            kafka.send(Topics.INTAKE_WEB, c.complaintId().value(), c);
            sent.add(c);
        }
        kafka.flush();
        Set<String> keys = sent.stream().map(c -> c.complaintId().value()).collect(Collectors.toSet());
        // complaints.state is written in the same transaction as the changelogs: once all are there, so are those.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> routedStates(keys).size() == N);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            // Asked before any read: reading a topic's metadata may create it (broker auto-creation).
            assertThat(admin.listTopics().names().get()).as("no changelog for the SLA index")
                    .noneMatch(t -> t.startsWith(APP + "-router-sla-"));
        }
        assertThat(count(APP + "-router-complaints-changelog", keys)).as("router-complaints changelog")
                .isEqualTo(N);
        assertThat(count(APP + "-router-snapshots-changelog", keys)).as("old snapshots changelog: read only")
                .isZero();
        Map<String, Long> routed = TopicRecords.events(Topics.ROUTED).stream().filter(r -> keys.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(routed).as("every complaint routed").hasSize(N);
    }

    @Test
    @Order(2)
    void afterARestartAComplaintRoutedBeforeGetsItsSlaChecksAndItsUpdatesJoinItsState() throws Exception {
        ComplaintReceived c = complaint("电梯按钮失灵，按了没反应");
        String key = c.complaintId().value();
        kafka.send(Topics.INTAKE_WEB, key, c).get();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !routedStates(Set.of(key)).isEmpty());
        ComplaintRouted routed = routedStates(Set.of(key)).get(key).latestRouting();

        engine.stop(); // the state folder goes: the new instance restores router-complaints from its changelog
        engine.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> engine.state().equals("RUNNING"));

        CLOCK.advance(Duration.ofHours(25)); // past the first-response deadline: the rebuilt SLA index finds it
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !breaches(key).isEmpty());
        assertThat(breaches(key)).singleElement()
                .satisfies(b -> assertThat(b.due()).isEqualTo(routed.assignment().firstResponseDue()));

        ComplaintAcknowledged ack = new ComplaintAcknowledged(Events.newId(), c.complaintId(), Instant.now(),
                new Actor("u1", "李师傅", routed.assignment().department(), Actor.Role.STAFF));
        kafka.send(Topics.UPDATES, key, ack).get();
        String breach = breaches(key).get(0).eventId();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> snapshots(key).stream()
                .anyMatch(s -> s.contains(ack.eventId())
                        && s.contains(breach) && s.contains(routed.eventId())));
    }

    private static List<SlaBreached> breaches(String key) {
        return TopicRecords.events(Topics.UPDATES).stream().filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value).filter(SlaBreached.class::isInstance).map(SlaBreached.class::cast).toList();
    }

    /** The latest routed {@code complaints.state} record of each of {@code keys} that has one. */
    private static Map<String, ComplaintSnapshot> routedStates(Set<String> keys) {
        Map<String, ComplaintSnapshot> latest = new java.util.HashMap<>();
        for (ConsumerRecord<String, ComplaintSnapshot> r : stateRecords()) {
            if (keys.contains(r.key()) && r.value() != null && r.value().latestRouting() != null) {
                latest.put(r.key(), r.value());
            }
        }
        return latest;
    }

    private static List<ComplaintSnapshot> snapshots(String key) {
        return stateRecords().stream().filter(r -> key.equals(r.key()) && r.value() != null)
                .map(ConsumerRecord::value).toList();
    }

    private static List<ConsumerRecord<String, ComplaintSnapshot>> stateRecords() {
        return TopicRecords.read(bootstrap(), Topics.STATE, StateTopic.deserializer(TopicRecords.sealing(bootstrap())));
    }

    /** Committed records with one of {@code keys} on {@code topic}. */
    private static long count(String topic, Set<String> keys) {
        return TopicRecords.read(bootstrap(), topic, new ByteArrayDeserializer()).stream()
                .filter(r -> keys.contains(r.key())).count();
    }

    private static String bootstrap() {
        return EmbeddedServers.current().kafka().bootstrapServers();
    }
}
