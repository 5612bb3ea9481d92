package io.hearken.desk;

import io.hearken.events.kafka.TopicRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.kafka.StateTopic;
import io.hearken.router.RouterApplication;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Nothing the desk and the notifier rebuild from expires: complaints routed by the real router, then every event
 * topic emptied as retention would (deleteRecords up to the end), then a fresh desk and notifier: the board still
 * shows every complaint where it stands, and a resolution after the restart still mails the resident. On the way,
 * topics left with another configuration are brought back to the declared one when the services start.
 */
class RebuildAfterRetentionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Every topic the services used to rebuild from; all of them expire. */
    private static final Pattern EVENT_TOPICS = Pattern.compile(
            Topics.INTAKE_PATTERN + "|complaints\\.routed|complaints\\.updates|" + Topics.ASSIGNMENTS_PATTERN);
    private static final String[] COMMON = {"--hearken.embedded.mode=test",
            "--hearken.elasticsearch.uris=http://127.0.0.1:9", "--hearken.privacy.secret=rebuild-test-secret",
            "--hearken.notifier.link-secret=rebuild-test-link-secret", "--server.port=0"};

    @Test
    void aFreshDeskAndNotifierShowEveryComplaintAndMailItsResidentAfterTheEventTopicsExpired() throws Exception {
        try (ConfigurableApplicationContext router = new SpringApplicationBuilder(RouterApplication.class)
                .web(WebApplicationType.NONE).run(args("--spring.autoconfigure.exclude="
                        + "io.hearken.desk.DeskAutoConfiguration,io.hearken.notifier.NotifierAutoConfiguration"))) {
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, ComplaintEvent> kafka = router.getBean(KafkaTemplate.class);
            ComplaintReceived leak = complaint("卫生间水管漏水，水都流到楼下了", "3号楼");
            ComplaintReceived rubbish = complaint("楼下垃圾桶满了三天没人收，很臭", "7号楼");
            ComplaintReceived done = complaint("楼道的灯坏了好几天了", "9号楼");
            for (ComplaintReceived c : List.of(leak, rubbish, done)) {
                kafka.send(Topics.INTAKE_WEB, c.complaintId().value(), c).get(10, TimeUnit.SECONDS);
            }
            Map<ComplaintId, ComplaintSnapshot> routed = awaitState(List.of(leak, rubbish, done), s -> true);
            ComplaintAcknowledged ack = new ComplaintAcknowledged(Events.newId(), leak.complaintId(), Instant.now(),
                    staff(routed.get(leak.complaintId())));
            ComplaintResolved fixed = new ComplaintResolved(Events.newId(), done.complaintId(), Instant.now(),
                    staff(routed.get(done.complaintId())), "已更换灯泡");
            kafka.send(Topics.UPDATES, leak.complaintId().value(), ack).get(10, TimeUnit.SECONDS);
            kafka.send(Topics.UPDATES, done.complaintId().value(), fixed).get(10, TimeUnit.SECONDS);
            awaitState(List.of(leak, done), s -> s.contains(ack.eventId()) || s.contains(fixed.eventId()));

            deleteEverythingOnTheEventTopics();
            // As an older deployment left them: the broker's 7-day default on an event log, a state topic not compacted.
            setConfig(Topics.ROUTED, TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(7).toMillis()));
            setConfig(Topics.STATE, TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

            try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(DeskApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .run(args("--spring.autoconfigure.exclude=io.hearken.router.RouterAutoConfiguration"))) {
                // Started: the topics are back to what the catalogue declares.
                assertThat(config(Topics.ROUTED, TopicConfig.RETENTION_MS_CONFIG))
                        .isEqualTo(String.valueOf(Duration.ofDays(365).toMillis()));
                assertThat(config(Topics.STATE, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
                ComplaintBoard board = fresh.getBean(ComplaintBoard.class);
                await().atMost(PATIENCE).untilAsserted(() -> {
                    for (ComplaintReceived c : List.of(leak, rubbish, done)) {
                        String department = routed.get(c.complaintId()).latestRouting().assignment().department();
                        Optional<DeskComplaint> shown = board.find(c.complaintId());
                        assertThat(shown).as(c.complaintId().value()).hasValueSatisfying(d -> {
                            assertThat(d.department()).isEqualTo(department);
                            assertThat(d.complaint().contact().email()).isEqualTo(c.contact().email());
                        });
                    }
                    assertThat(board.find(leak.complaintId()).orElseThrow().status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
                    assertThat(board.find(rubbish.complaintId()).orElseThrow().open()).isTrue();
                    assertThat(board.find(done.complaintId()).orElseThrow().status()).isEqualTo(ComplaintStatus.RESOLVED);
                });

                // A desk action after the restart: the notifier knows the resident only from complaints.state.
                ComplaintResolved resolution = new ComplaintResolved(Events.newId(), rubbish.complaintId(), Instant.now(),
                        staff(routed.get(rubbish.complaintId())), "已清运");
                kafka.send(Topics.UPDATES, rubbish.complaintId().value(), resolution).get(10, TimeUnit.SECONDS);
                await().atMost(PATIENCE).until(() -> !mailsTo(rubbish).isEmpty());
                assertThat(mailsTo(leak)).as("nothing re-sent for the complaints before the restart").isEmpty();
            }
        }
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(COMMON));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    private static ComplaintReceived complaint(String text, String building) {
        String email = "resident." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return new ComplaintReceived(Events.newId(), TrackingIds.next(), Instant.now(), Channel.WEB, "form", null,
                new Contact("王芳", email, null), ResidentType.TENANT, Place.of(building, "101"), null, text, null,
                "zh-CN", List.of(), Map.of());
    }

    private static Actor staff(ComplaintSnapshot snapshot) {
        return new Actor("li.wei", "李伟", snapshot.latestRouting().assignment().department(), Actor.Role.STAFF);
    }

    /** Reads complaints.state (committed records only) until each complaint has a routed record that passes. */
    private static Map<ComplaintId, ComplaintSnapshot> awaitState(List<ComplaintReceived> complaints,
            java.util.function.Predicate<ComplaintSnapshot> wanted) {
        var snapshots = StateTopic.deserializer(TopicRecords.sealing(bootstrap()));
        return await().atMost(PATIENCE).until(() -> {
            Map<ComplaintId, ComplaintSnapshot> latest = new HashMap<>();
            TopicRecords.read(bootstrap(), Topics.STATE, snapshots).stream().map(ConsumerRecord::value)
                    .filter(java.util.Objects::nonNull).forEach(v -> latest.put(v.complaintId(), v));
            return latest;
        }, latest -> complaints.stream().map(c -> latest.get(c.complaintId()))
                .allMatch(s -> s != null && s.latestRouting() != null && wanted.test(s)));
    }

    /** What retention does to old segments, for everything there is now: the log start moves to the end. */
    private static void deleteEverythingOnTheEventTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(t -> EVENT_TOPICS.matcher(t).matches()).toList();
            assertThat(topics).contains(Topics.INTAKE_WEB, Topics.ROUTED, Topics.UPDATES);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(p -> ends.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            admin.listOffsets(ends).all().get().forEach((tp, end) -> delete.put(tp, RecordsToDelete.beforeOffset(end.offset())));
            admin.deleteRecords(delete).all().get();
            // Nothing of the complaints is left on the event topics.
            Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
            ends.keySet().forEach(tp -> starts.put(tp, OffsetSpec.earliest()));
            var after = admin.listOffsets(starts).all().get();
            delete.forEach((tp, d) -> assertThat(after.get(tp).offset()).as(tp.toString())
                    .isEqualTo(d.beforeOffset()));
        }
    }

    private static void setConfig(String topic, String name, String value) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)))).all().get();
        }
        assertThat(config(topic, name)).isEqualTo(value);
    }

    private static String config(String topic, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
        }
    }

    private static List<MimeMessage> mailsTo(ComplaintReceived c) {
        return Arrays.stream(EmbeddedServers.current().mail().greenMail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().contains(c.contact().email()));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String bootstrap() {
        return EmbeddedServers.current().kafka().bootstrapServers();
    }
}
