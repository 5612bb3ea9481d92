package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.Channel;
import io.hearken.events.Urgency;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #18 end to end in one JVM with the real router and notifier (as in the all-in-one): a walk-in entered at the
 * desk is routed with its SLA, shown at the desk with who entered it, acknowledged to the resident by mail; a named
 * handler never appears in the resident's mail; a corrected urgency moves the deadlines through the router's
 * routing and mails the resident nothing.
 */
class StaffEnteredPipelineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A demo account of each department, to name as handler. */
    private static final Map<String, String> PERSON_OF = Map.of("maintenance", "li.wei", "cleaning", "chen.jing",
            "security", "zhao.lei", "customer-service", "alex.morgan", "triage", "zhou.min");

    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @Test
    void aWalkInIsRoutedAcknowledgedHandledAndCorrectedThroughTheWholePipeline() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DeskApplication.class)
                .web(WebApplicationType.SERVLET).run("--hearken.embedded.mode=test",
                        "--hearken.elasticsearch.uris=http://127.0.0.1:9", "--hearken.privacy.secret=pipeline-test-secret",
                        "--hearken.notifier.link-secret=pipeline-test-link-secret", "--server.port=0",
                        "--hearken.staff.demo-accounts=true", "--spring.autoconfigure.exclude=")) {
            port = app.getEnvironment().getProperty("local.server.port", Integer.class);
            ComplaintBoard board = app.getBean(ComplaintBoard.class);
            String email = "walk-in." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

            // zhou.min at the front desk takes down what a resident says.
            HttpResponse<String> entered = post("zhou.min", "/api/v1/desk/complaints", """
                    {"channel":"walk-in","name":"赵大爷","email":"%s","building":"3号楼","unit":"502",
                     "description":"卫生间水管漏水，水都流到楼下了"}""".formatted(email), "walk-in-1");
            assertThat(entered.statusCode()).isEqualTo(201);
            String id = JSON.readTree(entered.body()).path("id").asString();

            await().atMost(PATIENCE).until(() -> board.find(io.hearken.events.ComplaintId.of(id)).isPresent());
            DeskComplaint routed = board.find(io.hearken.events.ComplaintId.of(id)).orElseThrow();
            String department = routed.department();
            JsonNode detail = JSON.readTree(get("liu.yang", "/api/v1/desk/complaints/" + id).body());
            assertThat(detail.path("channel").asString()).isEqualTo(Channel.WALK_IN.name());
            assertThat(detail.path("summary").path("channel").asString()).isEqualTo("walk-in");
            assertThat(detail.path("enteredBy").path("id").asString()).isEqualTo("zhou.min");
            assertThat(detail.path("contact").path("name").asString()).isEqualTo("赵大爷");
            assertThat(detail.path("resolutionDue").isNull()).isFalse(); // routed with its SLA
            Instant resolutionDue = Instant.parse(detail.path("resolutionDue").asString());

            // The resident is acknowledged by mail, as for any complaint; the staff member is not named in it.
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailsTo(email)).as(everyRecipient()).hasSize(1));
            assertThat(text(mailsTo(email).get(0))).contains(id).doesNotContain("周敏", "zhou.min");

            // The manager names a handler of the department; a public note reaches the resident without their name.
            String handler = PERSON_OF.get(department);
            assertThat(post("liu.yang", "/api/v1/desk/complaints/" + id + "/assignee",
                    "{\"person\":\"" + handler + "\"}", null).statusCode()).isEqualTo(200);
            assertThat(post("liu.yang", "/api/v1/desk/complaints/" + id + "/notes",
                    "{\"text\":\"师傅下午两点上门\",\"visibleToResident\":true}", null).statusCode()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> mailsTo(email).size() == 2);
            String handlerName = JSON.readTree(get("liu.yang", "/api/v1/desk/complaints/" + id).body())
                    .path("summary").path("handlerName").asString();
            assertThat(handlerName).isNotBlank();
            for (MimeMessage mail : mailsTo(email)) {
                assertThat(text(mail)).doesNotContain(handlerName, handler);
            }

            // The urgency corrected: the router's routing brings the new deadline (from receipt) to the desk.
            Urgency was = routed.urgency();
            Urgency to = was == Urgency.URGENT ? Urgency.LOW : Urgency.URGENT;
            assertThat(post("liu.yang", "/api/v1/desk/complaints/" + id + "/classification",
                    "{\"urgency\":\"" + to + "\",\"reason\":\"楼下住户家里进水\"}", null).statusCode()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> {
                DeskComplaint now = board.find(io.hearken.events.ComplaintId.of(id)).orElseThrow();
                return now.routing().classification().urgency() == to
                        && "classification corrected".equals(now.routing().assignment().reason());
            });
            JsonNode corrected = JSON.readTree(get("liu.yang", "/api/v1/desk/complaints/" + id).body());
            Instant due = Instant.parse(corrected.path("resolutionDue").asString());
            if (to == Urgency.URGENT) {
                assertThat(due).isBefore(resolutionDue);
            } else {
                assertThat(due).isAfter(resolutionDue);
            }
            assertThat(corrected.path("summary").path("status").asString()).isEqualTo("ASSIGNED"); // unchanged
            assertThat(corrected.path("summary").path("handler").asString()).isEqualTo(handler);

            // Both are in the router's complaints.state, which a restarted desk rebuilds its board from.
            assertThat(stateEventTypes(id)).contains("handler-assigned", "classification-corrected");

            // No mail for the correction: the next note is the third mail, and nothing else arrives.
            assertThat(post("liu.yang", "/api/v1/desk/complaints/" + id + "/notes",
                    "{\"text\":\"已安排加急处理\",\"visibleToResident\":true}", null).statusCode()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> mailsTo(email).size() >= 3);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).size() == 3);
        }
    }

    /** The types of the events in the complaint's latest complaints.state record, once it has the correction. */
    private static List<String> stateEventTypes(String id) {
        String bootstrap = EmbeddedServers.current().kafka().bootstrapServers();
        var snapshots = io.hearken.events.kafka.StateTopic.deserializer(io.hearken.events.kafka.TopicRecords.sealing(bootstrap));
        io.hearken.events.ComplaintSnapshot latest = await().atMost(PATIENCE).until(() -> {
            io.hearken.events.ComplaintSnapshot last = null;
            for (var r : io.hearken.events.kafka.TopicRecords.read(bootstrap, io.hearken.events.Topics.STATE, snapshots)) {
                if (id.equals(r.key()) && r.value() != null) {
                    last = r.value();
                }
            }
            return last;
        }, s -> s != null && s.events().stream().anyMatch(io.hearken.events.ClassificationCorrected.class::isInstance));
        return latest.events().stream().map(io.hearken.desk.board.TimelineEntry::typeOf).toList();
    }

    private HttpResponse<String> post(String user, String path, String json, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static String everyRecipient() {
        return Arrays.toString(Arrays.stream(EmbeddedServers.current().mail().greenMail().getReceivedMessages()).map(m -> {
            try {
                return Arrays.toString(m.getAllRecipients()) + " " + m.getSubject();
            } catch (Exception e) {
                return e.toString();
            }
        }).toArray());
    }

    /** One per mail: GreenMail keeps a copy per mailbox it delivered to (the resident's and the notifier's journal). */
    private static List<MimeMessage> mailsTo(String address) {
        Map<String, MimeMessage> byId = new java.util.LinkedHashMap<>();
        for (MimeMessage m : EmbeddedServers.current().mail().greenMail().getReceivedMessages()) {
            try {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address))) {
                    byId.putIfAbsent(m.getMessageID(), m);
                }
            } catch (Exception e) {
                // not a mail for this address
            }
        }
        return List.copyOf(byId.values());
    }

    /** The mail's subject and every text part, decoded. */
    private static String text(MimeMessage mail) throws Exception {
        return mail.getSubject() + "\n" + text(mail.getContent());
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                all.append(text(part.getContent())).append('\n');
            }
            return all.toString();
        }
        return content instanceof String s ? s : "";
    }
}
