package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.Actor;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.kafka.StateTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaClock;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.events.kafka.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The router through the real embedded Kafka broker: intake → routed and the department queue,
 * redelivery, dead letters, re-routing, reopening and the SLA clock (with a clock the test moves).
 */
@SpringBootTest(classes = RouterThroughKafkaTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hearken.embedded.mode=test", "hearken.elasticsearch.uris=http://127.0.0.1:9",
                "spring.mail.host=127.0.0.1", "hearken.privacy.secret=router-test-secret",
                "hearken.router.sla-check-interval=300ms", "spring.kafka.consumer.auto-offset-reset=earliest"})
@AutoConfigureTestRestTemplate
@org.springframework.context.annotation.Import(RouterThroughKafkaTest.Clocks.class)
class RouterThroughKafkaTest {

    @org.springframework.boot.SpringBootConfiguration
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    static class App {
    }

    /** A clock the test can move forward. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    static final MovableClock CLOCK = new MovableClock();

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
    TestRestTemplate rest;

    @Autowired
    RouterEngine engine;

    private static KafkaConsumer<String, ComplaintEvent> eventsConsumer;

    private static ComplaintReceived complaint(String text, String building, String unit, String email) {
        return new ComplaintReceived(Events.newId(), TrackingIds.next(), Instant.now(), Channel.WEB, "form", null,
                new Contact("王芳", email, null), ResidentType.TENANT, Place.of(building, unit), null, text, null,
                "zh-CN", List.of(), Map.of());
    }

    private static synchronized List<ConsumerRecord<String, ComplaintEvent>> read(String topic) {
        return TopicRecords.events(topic);
    }

    private static <T extends ComplaintEvent> List<T> events(String topic, String key, Class<T> type) {
        return read(topic).stream().filter(r -> key.equals(r.key()) && type.isInstance(r.value()))
                .map(r -> type.cast(r.value())).toList();
    }

    private ComplaintRouted awaitRouted(ComplaintReceived c) {
        String key = c.complaintId().value();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !events(Topics.ROUTED, key, ComplaintRouted.class).isEmpty());
        return events(Topics.ROUTED, key, ComplaintRouted.class).get(0);
    }

    @Test
    void aComplaintIsRoutedToComplaintsRoutedAndToItsDepartmentQueueOnceEvenWhenRedelivered() throws Exception {
        ComplaintReceived c = complaint("卫生间水管漏水，水都流到楼下了", "3号楼", "1203", "wang.fang@example.com");
        kafka.send(Topics.INTAKE_WEB, c.complaintId().value(), c).get();

        ComplaintRouted routed = awaitRouted(c);
        assertThat(routed.eventId()).isEqualTo(Events.idFrom("routed", c.eventId()));
        assertThat(routed.classification().category()).isEqualTo("facility");
        assertThat(routed.classification().urgency()).isEqualTo(Urgency.URGENT);
        assertThat(routed.assignment().department()).isEqualTo("maintenance");
        assertThat(routed.assignment().priorityReasons()).isNotEmpty();
        assertThat(routed.complaint()).isEqualTo(c);
        String key = c.complaintId().value();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(Topics.assignments("maintenance"), key, ComplaintRouted.class).size() == 1);

        // The same event again (a redelivery), then a marker on the same key and partition.
        kafka.send(Topics.INTAKE_WEB, key, c).get();
        FeedbackGiven low = new FeedbackGiven(Events.newId(), c.complaintId(), Instant.now(), Channel.WEB, 1, "还在漏");
        kafka.send(Topics.INTAKE_WEB, key, low).get();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !events(Topics.UPDATES, key, ComplaintReopened.class).isEmpty());
        assertThat(events(Topics.ROUTED, key, ComplaintRouted.class)).hasSize(1);
        assertThat(events(Topics.assignments("maintenance"), key, ComplaintRouted.class)).hasSize(1);
        assertThat(events(Topics.UPDATES, key, ComplaintReopened.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("satisfaction score 1"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithTheReasonAndTheStreamGoesOn() throws Exception {
        String bootstrap = EmbeddedServers.current().kafka().bootstrapServers();
        String poisonKey = "HK-2222-POIS";
        try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>(Topics.INTAKE_WEB, poisonKey, "{\"type\":\"complaint-received\",\"complaintId\":42")).get();
        }
        ComplaintReceived after = complaint("楼下垃圾桶满了三天没人收，很臭", "7号楼", "302", "li.lei@example.com");
        kafka.send(Topics.INTAKE_WEB, after.complaintId().value(), after).get();
        assertThat(awaitRouted(after).assignment().department()).isEqualTo("cleaning");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, Events.newId()),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                dlt.subscribe(List.of(Topics.INTAKE_WEB + Topics.DEAD_LETTER_SUFFIX));
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                dlt.poll(Duration.ofSeconds(3)).forEach(records::add);
                assertThat(records).anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo(poisonKey);
                    assertThat(new String(r.value(), StandardCharsets.UTF_8)).startsWith("{\"type\":\"complaint-received\"");
                    Header reason = r.headers().lastHeader("kafka_dlt-exception-message");
                    assertThat(reason).isNotNull();
                    assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
                    assertThat(new String(r.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
                            .isEqualTo(Topics.INTAKE_WEB);
                });
            }
        });
    }

    @Test
    void aReassignmentFromTheDeskIsReRoutedWithTheReason() throws Exception {
        ComplaintReceived c = complaint("楼道的灯坏了好几天了", "9号楼", "101", "zhao@example.com");
        kafka.send(Topics.INTAKE_WEB, c.complaintId().value(), c).get();
        ComplaintRouted first = awaitRouted(c);
        ComplaintReassigned reassigned = new ComplaintReassigned(Events.newId(), c.complaintId(), Instant.now(),
                new Actor("u7", "李师傅", first.assignment().department(), Actor.Role.STAFF),
                first.assignment().department(), "cleaning", "是保洁打扫时碰坏的");
        kafka.send(Topics.UPDATES, c.complaintId().value(), reassigned).get();
        String key = c.complaintId().value();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !events(Topics.assignments("cleaning"), key, ComplaintRouted.class).isEmpty());
        ComplaintRouted rerouted = events(Topics.assignments("cleaning"), key, ComplaintRouted.class).get(0);
        assertThat(rerouted.assignment().previousDepartment()).isEqualTo(first.assignment().department());
        assertThat(rerouted.assignment().reason()).isEqualTo("是保洁打扫时碰坏的");
        assertThat(events(Topics.ROUTED, key, ComplaintRouted.class)).hasSize(2);
    }

    @Test
    void aMissedFirstResponseIsABreachEscalatedToTheSupervisor() throws Exception {
        ComplaintReceived c = complaint("电梯按钮失灵，按了没反应", "6号楼", "803", "sun@example.com");
        kafka.send(Topics.INTAKE_WEB, c.complaintId().value(), c).get();
        ComplaintRouted routed = awaitRouted(c);
        assertThat(routed.classification().urgency()).isEqualTo(Urgency.NORMAL);

        CLOCK.advance(Duration.ofHours(25));
        String key = c.complaintId().value();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !events(Topics.UPDATES, key, ComplaintEscalated.class).isEmpty());
        assertThat(events(Topics.UPDATES, key, SlaBreached.class)).singleElement().satisfies(b -> {
            assertThat(b.clock()).isEqualTo(SlaClock.FIRST_RESPONSE);
            assertThat(b.due()).isEqualTo(routed.assignment().firstResponseDue());
        });
        assertThat(events(Topics.UPDATES, key, ComplaintEscalated.class)).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(ComplaintEscalated.Level.SUPERVISOR);
            assertThat(e.department()).isEqualTo(routed.assignment().department());
        });
    }

    @Test
    void afterARestartTheStateIsBackAndARedeliveryIsNotRoutedAgain() throws Exception {
        ComplaintReceived c = complaint("小区门口有陌生人天天徘徊，很可疑", "南门", null, "qian@example.com");
        String key = c.complaintId().value();
        kafka.send(Topics.INTAKE_WEB, key, c).get();
        awaitRouted(c);

        engine.stop(); // in-memory stores are gone; a new instance restores them from the changelog topics
        engine.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> engine.state().equals("RUNNING"));

        kafka.send(Topics.INTAKE_WEB, key, c).get();
        FeedbackGiven marker = new FeedbackGiven(Events.newId(), c.complaintId(), Instant.now(), Channel.WEB, 2, null);
        kafka.send(Topics.INTAKE_WEB, key, marker).get();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !events(Topics.UPDATES, key, ComplaintReopened.class).isEmpty());
        assertThat(events(Topics.ROUTED, key, ComplaintRouted.class)).hasSize(1);
    }

    @Test
    void eachChangeWritesTheComplaintsCurrentStateToTheCompactedStateTopic() throws Exception {
        ComplaintReceived c = complaint("垃圾房门口堆满了垃圾，一直没人清", "5号楼", "201", "he@example.com");
        String key = c.complaintId().value();
        kafka.send(Topics.INTAKE_WEB, key, c).get();
        ComplaintRouted routed = awaitRouted(c);
        ComplaintAcknowledged ack = new ComplaintAcknowledged(Events.newId(), c.complaintId(), Instant.now(),
                new Actor("u1", "李师傅", routed.assignment().department(), Actor.Role.STAFF));
        kafka.send(Topics.UPDATES, key, ack).get();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> snapshots(key).stream().anyMatch(s -> s.contains(ack.eventId())));
        List<ComplaintSnapshot> written = snapshots(key);
        ComplaintSnapshot latest = written.get(written.size() - 1);
        assertThat(latest.latestRouting()).isEqualTo(routed);
        assertThat(latest.status()).isEqualTo(io.hearken.events.ComplaintStatus.ACKNOWLEDGED);
        assertThat(latest.events()).extracting(ComplaintEvent::eventId).contains(routed.eventId(), ack.eventId())
                .doesNotHaveDuplicates().doesNotContain(c.eventId());

        // Topics as code: the state never expires, the event logs do (after hearken.kafka.event-retention).
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedServers.current().kafka().bootstrapServers()))) {
            ConfigResource state = new ConfigResource(ConfigResource.Type.TOPIC, Topics.STATE);
            ConfigResource log = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ROUTED);
            var configs = admin.describeConfigs(List.of(state, log)).all().get();
            assertThat(configs.get(state).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(configs.get(log).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
            assertThat(configs.get(log).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(Duration.ofDays(365).toMillis()));
        }
    }

    private static List<ComplaintSnapshot> snapshots(String key) {
        String bootstrap = EmbeddedServers.current().kafka().bootstrapServers();
        return TopicRecords.read(bootstrap, Topics.STATE, StateTopic.deserializer(TopicRecords.sealing(bootstrap))).stream()
                .filter(r -> key.equals(r.key()) && r.value() != null).map(ConsumerRecord::value).toList();
    }

    @Test
    void aSimilarComplaintAboutTheSameBuildingIsLinkedToTheFirst() throws Exception {
        ComplaintReceived first = complaint("12号楼地下室水管爆裂，水漫出来了", "12号楼", "B1", "zhou@example.com");
        kafka.send(Topics.INTAKE_WEB, first.complaintId().value(), first).get();
        awaitRouted(first);
        ComplaintReceived second = complaint("12号楼地下室水管爆了，到处是水", "12号楼", "101", "wu@example.com");
        kafka.send(Topics.INTAKE_WEB, second.complaintId().value(), second).get();
        ComplaintRouted linked = awaitRouted(second);
        assertThat(linked.links().relatedTo()).isEqualTo(first.complaintId());
        assertThat(linked.assignment().priorityReasons()).contains("linked to incident " + first.complaintId());
    }

    /** A new instance rebuilds its history store from {@code router.history} through the loader, look-up keys included. */
    @Test
    void afterARestartTheHistoryRebuiltFromItsTopicStillLinks() throws Exception {
        ComplaintReceived first = complaint("15号楼地下室水管爆裂，水漫出来了", "15号楼", "B1", "zheng@example.com");
        kafka.send(Topics.INTAKE_WEB, first.complaintId().value(), first).get();
        awaitRouted(first);

        engine.stop(); // the history's state folder goes too: the new instance reads router.history again
        engine.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> engine.state().equals("RUNNING"));

        ComplaintReceived second = complaint("15号楼地下室水管爆了，到处是水", "15号楼", "101", "feng@example.com");
        kafka.send(Topics.INTAKE_WEB, second.complaintId().value(), second).get();
        assertThat(awaitRouted(second).links().relatedTo()).isEqualTo(first.complaintId());
    }

    @Test
    void aWholeBuildingIncidentReportedThreeTimesReachesManagementOnce() throws Exception {
        List<ComplaintReceived> reports = List.of(
                complaint("15号楼全楼停水了，一滴水都没有", "15号楼", "301", "a15@example.com"),
                complaint("15号楼全楼停水，家里一滴水都没有", "15号楼", "502", "b15@example.com"),
                complaint("全楼停水了，15号楼一滴水都没有了", "15号楼", "803", "c15@example.com"));
        for (ComplaintReceived c : reports) {
            kafka.send(Topics.INTAKE_WEB, c.complaintId().value(), c).get();
            awaitRouted(c); // in order: each later report is linked to the first
        }
        assertThat(awaitRouted(reports.get(2)).links().relatedTo()).isEqualTo(reports.get(0).complaintId());
        // Other tests move the shared clock on, so SLA breaches may escalate too: count the routing-time ones.
        java.util.function.Function<ComplaintReceived, List<ComplaintEscalated>> major = c -> events(Topics.UPDATES,
                c.complaintId().value(), ComplaintEscalated.class).stream().filter(e -> e.reason().startsWith("major complaint")).toList();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> !major.apply(reports.get(0)).isEmpty());
        assertThat(major.apply(reports.get(0))).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(ComplaintEscalated.Level.MANAGEMENT);
            assertThat(e.reason()).startsWith("major complaint: many residents affected (全楼");
        });
        for (ComplaintReceived later : reports.subList(1, 3)) {
            assertThat(events(Topics.UPDATES, later.complaintId().value(), DuplicateLinked.class)).hasSize(1);
            assertThat(major.apply(later)).as("a complaint joining an escalated incident does not mail management again").isEmpty();
        }
        assertThat(reports.stream().flatMap(c -> major.apply(c).stream()).filter(e -> e.level() == ComplaintEscalated.Level.MANAGEMENT))
                .as("one MANAGEMENT escalation for the incident").hasSize(1);
    }

    @Test
    void everybodySayingSoIsNotManyResidentsAffected() throws Exception {
        List<ComplaintReceived> reports = List.of(
                complaint("大家都反映17号楼门岗保安态度很差", "17号楼", "101", "a17@example.com"),
                complaint("17号楼门岗保安态度太差了，大家都反映过", "17号楼", "202", "b17@example.com"),
                complaint("多户反映17号楼门岗的保安态度差", "17号楼", "303", "c17@example.com"));
        for (ComplaintReceived c : reports) {
            kafka.send(Topics.INTAKE_WEB, c.complaintId().value(), c).get();
            awaitRouted(c);
        }
        ComplaintRouted last = awaitRouted(reports.get(2));
        assertThat(last.links().relatedTo()).as("one incident").isEqualTo(reports.get(0).complaintId());
        assertThat(last.assignment().priorityReasons()).noneMatch(r -> r.startsWith("impact: many affected"));
        // The linked-event of the last report is sent after its routing: once it is there, so would be an escalation.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !events(Topics.UPDATES, reports.get(2).complaintId().value(), DuplicateLinked.class).isEmpty());
        assertThat(reports.stream().flatMap(c -> events(Topics.UPDATES, c.complaintId().value(), ComplaintEscalated.class).stream())
                .filter(e -> e.reason().startsWith("major complaint"))).as("no management mail").isEmpty();
    }

    @Test
    void sentimentAndCustomerTypeTravelOnTheRoutedEventAndTheStateTopic() throws Exception {
        ComplaintReceived told = complaint("我是租户，暖气坏了两天，家里孩子发烧了，我们实在没办法了", "16号楼", "402", "li16@example.com");
        ComplaintReceived c = new ComplaintReceived(told.eventId(), told.complaintId(), told.at(), told.channel(), told.via(),
                null, told.contact(), ResidentType.UNKNOWN, told.place(), null, told.description(), null, "zh-CN", List.of(), Map.of());
        kafka.send(Topics.INTAKE_WEB, c.complaintId().value(), c).get();
        ComplaintRouted routed = awaitRouted(c);
        assertThat(routed.classification().sentiment()).isEqualTo(io.hearken.events.Sentiment.DISTRESSED);
        assertThat(routed.classification().customerType()).isEqualTo(ResidentType.TENANT);
        assertThat(routed.assignment().priorityReasons()).anyMatch(r -> r.startsWith("resident distressed"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> snapshots(c.complaintId().value()).stream().anyMatch(s -> s.latestRouting() != null));
        List<ComplaintSnapshot> written = snapshots(c.complaintId().value());
        assertThat(written.get(written.size() - 1).latestRouting().classification().sentiment())
                .isEqualTo(io.hearken.events.Sentiment.DISTRESSED);

        ResponseEntity<Map> triage = rest.postForEntity("/api/v1/triage", Map.of("text", "第三次投诉了，楼道灯还是不亮，气死了"), Map.class);
        assertThat(triage.getBody()).containsEntry("sentiment", "angry").containsEntry("customerType", "unknown");
    }

    @Test
    void triageSuggestsCategoryUrgencyAndDepartment() {
        ResponseEntity<Map> ok = rest.postForEntity("/api/v1/triage", Map.of("text", "三号楼电梯困人，里面有老人"), Map.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getBody()).containsEntry("category", "facility").containsEntry("urgency", "urgent")
                .containsEntry("department", "maintenance").containsKeys("confidence", "reasons");
        assertThat((List<?>) ok.getBody().get("reasons")).isNotEmpty();

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> bad = rest.postForEntity("/api/v1/triage", new HttpEntity<>("{\"text\": \"  \"}", json), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(bad.getBody()).containsEntry("status", 400);
        assertThat((String) bad.getBody().get("detail")).contains("text").contains("请填写投诉内容");

        ResponseEntity<Map> broken = rest.postForEntity("/api/v1/triage", new HttpEntity<>("{\"text\": ", json), Map.class);
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getBody()).containsKey("title");
    }
}
