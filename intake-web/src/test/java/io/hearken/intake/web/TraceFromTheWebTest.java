package io.hearken.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.events.Topics;
import io.hearken.events.kafka.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace of a web submission goes on in Kafka: the event the web publisher (its own producer) writes to
 * {@code intake.web} carries a W3C {@code traceparent} in the trace the HTTP request came with. Same context
 * as {@link WebIntakeFlowTest}, so the two share one start.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.web.rate-limit.capacity=1000",
        "hearken.web.attachments-dir=target/flow-attachments", "hearken.privacy.secret=flow-test-secret"})
@AutoConfigureMockMvc
class TraceFromTheWebTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void theEventOnIntakeWebContinuesTheTraceOfTheRequest() throws Exception {
        String body = mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                        .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                        .content("""
                        {"name":"张伟","email":"zhang.wei@example.com","residentType":"tenant",
                         "building":"3号楼","unit":"1203","subject":"电梯故障","description":"三号楼电梯困人",
                         "language":"zh-CN","consent":true}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        List<String> parents = traceparents(id);
        assertThat(parents).singleElement().satisfies(p -> assertThat(p)
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-[0-9a-f]{2}")
                .as("a span of this service, not the caller's").doesNotContain("00f067aa0ba902b7"));
    }

    private List<String> traceparents(String key) {
        List<String> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicRecords.read(bootstrap, Topics.INTAKE_WEB, new ByteArrayDeserializer())) {
            Header h = r.headers().lastHeader("traceparent");
            if (key.equals(r.key())) {
                found.add(h == null ? "none" : new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return found;
    }
}
