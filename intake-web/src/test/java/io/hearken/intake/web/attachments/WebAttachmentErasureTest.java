package io.hearken.intake.web.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.privacy.ResidentErased;
import io.hearken.intake.web.IntakeTopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * An erasure on the real {@code privacy.erasures} topic reaches the web channel: the erased complaint's uploaded
 * file is deleted from disk, another resident's stays. Same context as {@code WebIntakeFlowTest}'s neighbours.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.web.rate-limit.capacity=1000",
        "hearken.web.attachments-dir=target/flow-attachments", "hearken.privacy.secret=flow-test-secret"})
@AutoConfigureMockMvc
class WebAttachmentErasureTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void anErasureDeletesTheErasedComplaintsFileAndKeepsAnothers() throws Exception {
        String erased = submit("chen.jing@example.com", "漏水照片，见附件", "chen " + UUID.randomUUID());
        String kept = submit("zhou.min@example.com", "楼道灯坏了，见附件", "zhou " + UUID.randomUUID());
        Path erasedFile = storedFile(erased);
        Path keptFile = storedFile(kept);
        assertThat(erasedFile).exists();
        double before = erasedCount();

        publish(new ResidentErased(UUID.randomUUID().toString(), Instant.now(), "manager", "request",
                List.of("0123456789abcdef0123456789abcdef"), List.of(ComplaintId.of(erased))));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(erasedFile).doesNotExist());
        assertThat(keptFile).exists();
        assertThat(erasedCount()).isEqualTo(before + 1);
    }

    private double erasedCount() {
        var counter = meters.find("hearken.privacy.erased.items").tag("channel", "web").counter();
        return counter == null ? 0 : counter.count();
    }

    private String submit(String email, String description, String photoBytes) throws Exception {
        byte[] png = ("\u0089PNG\r\n\u001a\n" + photoBytes).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String body = mvc.perform(multipart("/api/v1/complaints")
                        .file(new MockMultipartFile("attachments", "photo.png", "image/png", png))
                        .param("email", email).param("description", description))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    private Path storedFile(String complaintId) {
        ComplaintReceived received = (ComplaintReceived) IntakeTopicReader.eventsFor(bootstrap, complaintId).get(0);
        return Path.of(URI.create(received.attachments().get(0).location()));
    }

    private void publish(ResidentErased erasure) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(io.hearken.events.privacy.ErasureFeed.record(erasure)).get();
        }
    }
}
