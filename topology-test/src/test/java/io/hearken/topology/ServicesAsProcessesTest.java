package io.hearken.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.hearken.embedded.EmbeddedMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Hearken as an operator runs it, without Docker: intake-web, intake-email, intake-hotline, two routers, desk,
 * notifier and analytics, each its own JVM from its runnable jar, on the real embedded Kafka, Elasticsearch and mail
 * servers. Complaints come in by web, mail and a transcript file and must end up routed, indexed, in the right
 * department's queue and acknowledged by mail; then one router is killed with SIGKILL and the other must route
 * everything, nothing lost and nothing twice. Last, {@link ThroughTheProxy}: the same services behind the real Caddy
 * with docker-compose.yml's Caddyfile, every link in the mails opened there (skipped where {@code caddy} is missing).
 */
@Order(1) // first (junit-platform.properties), on the topology as it starts; FaultRunsTest after it
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({LogTailsOnFailure.class, SharedTopology.class})
class ServicesAsProcessesTest implements ThroughTheProxy {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static Topology topology;
    private static TopicCount routed;
    private static long started;

    @BeforeAll
    static void startTheTopology() {
        started = System.nanoTime();
        topology = SharedTopology.topology();
        routed = new TopicCount(kafka(), "complaints.routed");
        StringBuilder times = new StringBuilder("Services healthy after (each one's latest start; started together, ");
        times.append(Runtime.getRuntime().availableProcessors()).append(" cores):");
        topology.all().forEach(s -> times.append(' ').append(s.name()).append('=').append(s.startUpTime().toMillis()).append("ms"));
        System.out.println(times);
    }

    @AfterAll
    static void stopTheTopology() {
        if (routed != null) {
            routed.close();
        }
        System.out.println("ServicesAsProcessesTest wall time: " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @Test
    @Order(1)
    void everyServiceIsItsOwnHealthyJvm() {
        assertThat(topology.all()).hasSize(8).allMatch(ServiceProcess::isAlive);
        assertThat(topology.all().stream().map(ServiceProcess::pid).distinct()).hasSize(8)
                .doesNotContain(ProcessHandle.current().pid());
    }

    @Test
    @Order(2)
    void complaintsByWebMailAndHotlineAreRoutedIndexedQueuedAndAcknowledged() throws Exception {
        String marker = "topo" + UUID.randomUUID().toString().substring(0, 8);
        String webResident = "web." + marker + "@example.com";
        String mailResident = "mail." + marker + "@example.com";

        String webId = submitByWeb(webResident, "3号楼", "三号楼电梯困人，请尽快处理 " + marker);
        GreenMailUtil.sendTextEmail(EmbeddedMail.COMPLAINTS_ADDRESS, mailResident, "Rubbish not collected " + marker + channelSuffix("EMAIL"),
                "The rubbish bins behind Block B have not been emptied for a week and the corridor is dirty. "
                        + marker + channelSuffix("EMAIL"),
                new ServerSetup(topology.servers().mail().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        dropTranscript(marker);

        Map<String, JsonNode> indexed = new LinkedHashMap<>();
        await("web, mail and hotline complaints routed and indexed").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (String channel : List.of("WEB", "EMAIL", "HOTLINE")) {
                        JsonNode doc = Probe.complaintWith(elasticsearch(), marker + channelSuffix(channel)).orElse(null);
                        assertThat(doc).as(channel + " complaint indexed").isNotNull();
                        assertThat(doc.path("channel").asString()).isEqualTo(channel);
                        assertThat(doc.path("department").asString("")).as(channel + " complaint routed").isNotBlank();
                        assertThat(doc.path("routedAt").isMissingNode()).isFalse();
                        indexed.put(channel, doc);
                    }
                });
        assertThat(indexed.get("WEB").path("id").asString()).isEqualTo(webId);
        assertThat(routed.readToEnd()).containsKeys(indexed.values().stream().map(d -> d.path("id").asString()).toArray(String[]::new));

        String desk = topology.service("desk").baseUrl();
        await("each complaint in its department's desk queue, and only there").atMost(PATIENCE).untilAsserted(() -> {
            for (JsonNode doc : indexed.values()) {
                String department = doc.path("department").asString();
                String id = doc.path("id").asString();
                assertThat(Probe.deskQueue(desk, Topology.staffOf(department))).as(department + " queue").contains(id);
                String other = department.equals("cleaning") ? "security" : "cleaning";
                assertThat(Probe.deskQueue(desk, Topology.staffOf(other))).as(other + " queue").doesNotContain(id);
            }
        });

        await("acknowledgement mails to the web and mail residents").atMost(PATIENCE).untilAsserted(() -> {
            assertThat(mailsTo(webResident)).anyMatch(m -> m.contains(webId));
            assertThat(mailsTo(mailResident)).anyMatch(m -> m.contains(indexed.get("EMAIL").path("id").asString()));
        });
        assertThat(topology.hotlineInbox().resolveSibling("processed").resolve(marker + ".json")).exists();
    }

    @Test
    @Order(3)
    void aRouterKilledWithSigkillIsTakenOverByTheOtherWithNothingLostOrDoubled() throws Exception {
        await("both routers share the intake.web partitions").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(routerMembersWithIntakeWeb()).isEqualTo(2));

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ids.add(submitByWeb("batch" + i + "@example.com", (i + 1) + "号楼", "楼道灯坏了，请派人来修 batch-" + i));
        }
        ServiceProcess victim = topology.service("router-1");
        victim.kill();
        long killed = System.nanoTime();
        assertThat(victim.isAlive()).isFalse();
        // After the kill, until every intake.web partition (so also the dead router's) has got at least three.
        int partitions = intakeWebPartitions();
        Map<Integer, Integer> afterKill = new HashMap<>();
        for (int i = 15; i < 100 && (i < 30 || afterKill.size() < partitions || afterKill.values().stream().anyMatch(n -> n < 3)); i++) {
            String id = submitByWeb("batch" + i + "@example.com", (i + 1) + "号楼", "楼道灯坏了，请派人来修 batch-" + i);
            ids.add(id);
            afterKill.merge(Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions, 1, Integer::sum);
        }
        assertThat(afterKill).hasSize(partitions).allSatisfy((partition, n) -> assertThat(n).isGreaterThanOrEqualTo(3));

        await("all routed by the surviving router").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(routed.readToEnd()).containsKeys(ids.toArray(String[]::new)));
        System.out.println("Router killed; all " + ids.size() + " complaints routed by the other "
                + (System.nanoTime() - killed) / 1_000_000 + " ms after the kill");
        Map<String, Integer> counts = routed.readToEnd();
        assertThat(ids.stream().collect(Collectors.toMap(id -> id, counts::get)))
                .as("ComplaintRouted per complaint, committed").allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(topology.service("router-2").isAlive()).isTrue();
        await("the survivor holds every intake.web partition").atMost(PATIENCE)
                .untilAsserted(() -> assertThat(routerMembersWithIntakeWeb()).isEqualTo(1));
        await("all indexed with their department").atMost(PATIENCE).untilAsserted(() ->
                assertThat(Probe.complaintsById(elasticsearch(), ids)).hasSize(ids.size())
                        .allSatisfy(d -> assertThat(d.path("department").asString("")).isNotBlank()));
    }

    @Test
    @Order(4)
    void onlyTheAnalyticsServiceIndexes() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("analytics-indexer"))
                    .describedGroups().get("analytics-indexer").get();
            assertThat(group.members()).as("members of analytics-indexer: " + group.members())
                    .hasSize(1); // hearken.analytics.concurrency of the one analytics service
        }
    }

    /**
     * Each deployable serves only its own endpoints: a path of another module is 404 there (an intake jar carries no
     * dashboard, search or staff endpoint of another module), and its own staff endpoints answer an anonymous caller
     * 401. Paths are (method, path) pairs that only their owner serves.
     */
    @Test
    @Order(5)
    void eachDeployableServesOnlyItsOwnEndpointsAndStaffEndpointsNeedSignIn() {
        Map<String, List<String>> owned = new LinkedHashMap<>();
        owned.put("intake-web", List.of("GET /open311/v2/services.json", "GET /track"));
        owned.put("intake-email", List.of());
        owned.put("intake-hotline", List.of("POST /api/v1/hotline/transcripts"));
        owned.put("router-2", List.of("POST /api/v1/triage"));
        owned.put("desk", List.of("GET /api/v1/desk/queue", "GET /desk"));
        owned.put("notifier", List.of("GET /api/v1/notifier/dead-letters", "GET /satisfaction/not-a-token"));
        owned.put("analytics", List.of("GET /api/v1/analytics/search", "GET /dashboard"));
        Map<String, Integer> anonymousStaff = Map.of("POST /api/v1/hotline/transcripts", 401, "GET /api/v1/desk/queue", 401,
                "GET /api/v1/notifier/dead-letters", 401, "GET /api/v1/analytics/search", 401);
        List<String> wrong = new ArrayList<>();
        owned.forEach((service, own) -> {
            String base = topology.service(service).baseUrl();
            owned.forEach((other, theirs) -> {
                for (String endpoint : theirs) {
                    String[] m = endpoint.split(" ");
                    int status = Probe.anonymousStatus(m[0], base + m[1]);
                    if (other.equals(service)) {
                        Integer expected = anonymousStaff.get(endpoint);
                        if (expected != null ? status != expected : status == 404) {
                            wrong.add(service + " " + endpoint + " -> " + status + " (its own endpoint)");
                        }
                    } else if (status != 404) {
                        wrong.add(service + " " + endpoint + " -> " + status + " (" + other + "'s endpoint)");
                    }
                }
            });
        });
        assertThat(wrong).as("endpoints answered by the wrong deployable, or staff endpoints open").isEmpty();
    }

    /** For {@link ThroughTheProxy}'s tests (the same topology through the real Caddy, after the tests above). */
    @Override
    public Topology topology() {
        return topology;
    }

    private static String submitByWeb(String email, String building, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "张伟");
        body.put("email", email);
        body.put("residentType", "tenant");
        body.put("building", building);
        body.put("unit", "1203");
        body.put("subject", "报修");
        body.put("description", description + channelSuffix("WEB"));
        body.put("categoryHint", "facility");
        body.put("language", "zh-CN");
        body.put("consent", true);
        Probe.Answer created = Probe.postJson(topology.service("intake-web").baseUrl() + "/api/v1/complaints", body);
        assertThat(created.status()).as("POST /api/v1/complaints: " + created.body()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    /** A call-centre export, written aside and renamed into the inbox (atomic, as docs/channels/hotline.md advises). */
    private static void dropTranscript(String marker) throws Exception {
        String call = """
                [{"call_id": "TOPO-%1$s", "start_time": "2026-11-23 09:05:00", "duration_s": 95,
                  "caller_number": "13800009999", "agent_id": "A003", "category": "安全", "location": "7号楼 0502",
                  "summary": "北门门禁坏了，外来人员随便进出 %1$s%2$s",
                  "transcript": "坐席：您好，物业服务热线。\\n来电人：北门门禁坏了，外来人员随便进出，晚上很不安全。 %1$s%2$s"}]
                """.formatted(marker, channelSuffix("HOTLINE"));
        Path aside = topology.hotlineInbox().resolveSibling(marker + ".json.part");
        Files.writeString(aside, call, StandardCharsets.UTF_8);
        Files.move(aside, topology.hotlineInbox().resolve(marker + ".json"));
    }

    /** Each channel's text carries its own token, so each document is found by the channel it came from. */
    private static String channelSuffix(String channel) {
        return switch (channel) {
            case "WEB" -> "w";
            case "EMAIL" -> "m";
            default -> "h";
        };
    }

    /** The mails in {@code address}'s own mailbox (not the notifier's journal copies, which name the same To). */
    private static List<String> mailsTo(String address) throws Exception {
        var greenMail = topology.servers().mail().greenMail();
        var user = greenMail.getUserManager().getUserByEmail(address);
        List<String> texts = new ArrayList<>();
        if (user == null) {
            return texts;
        }
        for (var stored : Census.messages(greenMail.getManagers().getImapHostManager().getInbox(user))) {
            MimeMessage m = stored.getMimeMessage();
            texts.add(m.getSubject() + "\n" + GreenMailUtil.getWholeMessage(m));
        }
        return texts;
    }

    /** Members of the router's consumer group that hold at least one intake.web partition. */
    private static long routerMembersWithIntakeWeb() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("hearken-router"))
                    .describedGroups().get("hearken-router").get();
            return group.members().stream().map(MemberDescription::assignment)
                    .filter(a -> a.topicPartitions().stream().anyMatch(tp -> tp.topic().equals("intake.web"))).count();
        }
    }

    private static int intakeWebPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            return admin.describeTopics(List.of("intake.web")).allTopicNames().get().get("intake.web").partitions().size();
        }
    }

    private static String kafka() {
        return topology.servers().kafka().bootstrapServers();
    }

    private static String elasticsearch() {
        return topology.servers().elasticsearch().uri();
    }
}
