package io.hearken.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.embedded.EmbeddedKafka;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Topics;
import io.hearken.events.kafka.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real broker of this test's own (the shared one must stay up for the other tests), stopped in the middle:
 * before, a submission is confirmed once Kafka has it; while it is down, the API and the form answer 503 with
 * the hotline and nothing is half-saved (no event, no stored file, no remembered idempotency key); after a
 * restart, the same idempotency key makes the complaint for real.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.web.publish-timeout=2s",
        "hearken.web.rate-limit.capacity=1000", "hearken.web.attachments-dir=target/stopped-attachments"})
@AutoConfigureMockMvc
class KafkaBrokerStoppedTest {

    static final Path ATTACHMENTS = Path.of("target/stopped-attachments");
    static Path logDir;
    static int port;
    static EmbeddedKafka broker;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) throws Exception {
        logDir = Files.createTempDirectory("hearken-web-stopped-kafka");
        broker = EmbeddedKafka.start(logDir, 0);
        port = broker.port();
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void confirmedWhileUpRefusedWhileDownAndNothingHalfSaved() throws Exception {
        String bootstrap = "127.0.0.1:" + port;
        String before = mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "before-the-outage")
                        .content("{\"email\":\"up@example.com\",\"description\":\"停电之前的投诉\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(before).get("id").asString();
        assertThat(IntakeTopicReader.eventsFor(bootstrap, id)).singleElement()
                .isInstanceOfSatisfying(ComplaintReceived.class,
                        r -> assertThat(r.description()).isEqualTo("停电之前的投诉"));

        broker.close();
        broker = null;

        String outage = "{\"email\":\"down@example.com\",\"description\":\"停电期间的投诉\"}";
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .header("Idempotency-Key", "during-the-outage").content(outage))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value("urn:hearken:problem:unavailable"))
                .andExpect(jsonPath("$.hotline").value("400-800-1234"))
                .andExpect(jsonPath("$.detail").value(containsString("nothing was saved")))
                .andExpect(jsonPath("$.id").doesNotExist());

        // The form, with a picture: 503 in Chinese, the text kept, no tracking id, and the file not kept either.
        byte[] png = png("outage-picture");
        mvc.perform(multipart("/").file(new MockMultipartFile("attachments", "停电.png", "image/png", png))
                        .param("email", "form@example.com").param("description", "表单在停电期间提交")
                        .param("consent", "true").param("formToken", "form-during-the-outage"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("400-800-1234")))
                .andExpect(content().string(containsString("表单在停电期间提交")))
                .andExpect(content().string(not(containsString("tracking-id"))));
        String hash = sha256(png);
        assertThat(storedFiles()).noneMatch(f -> f.getFileName().toString().startsWith(hash));

        broker = EmbeddedKafka.start(logDir, port);

        // Nothing from the outage reached Kafka, and the key was not taken: the retry makes the complaint now.
        assertThat(allDescriptions(bootstrap)).contains("停电之前的投诉")
                .doesNotContain("停电期间的投诉", "表单在停电期间提交");
        String retried = mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "during-the-outage").content(outage))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andReturn().getResponse().getContentAsString();
        String retriedId = json.readTree(retried).get("id").asString();
        assertThat(IntakeTopicReader.eventsFor(bootstrap, retriedId)).singleElement()
                .isInstanceOfSatisfying(ComplaintReceived.class,
                        r -> assertThat(r.sourceRef()).isEqualTo("api:during-the-outage"));
    }

    /** A PNG signature followed by a unique text, so this test's file is recognisable by its hash. */
    static byte[] png(String marker) {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] tail = (marker + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static List<Path> storedFiles() throws Exception {
        if (!Files.exists(ATTACHMENTS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(ATTACHMENTS)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** The description of every complaint on intake.web of this test's broker. */
    static List<String> allDescriptions(String bootstrap) {
        List<String> found = new ArrayList<>();
        for (ConsumerRecord<String, ComplaintEvent> r : TopicRecords.events(bootstrap, Topics.INTAKE_WEB)) {
            if (r.value() instanceof ComplaintReceived received) {
                found.add(received.description());
            }
        }
        return found;
    }
}
