package io.hearken.intake.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Kafka unreachable (a closed port): the resident gets 503 and the hotline, never a tracking id, within the
 * publish timeout.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.web.publish-timeout=2s",
        "spring.kafka.admin.operation-timeout=2s", "spring.kafka.admin.close-timeout=1s",
        "hearken.web.attachments-dir=target/unavailable-attachments"})
@AutoConfigureMockMvc
class KafkaUnavailableTest {

    @DynamicPropertySource
    static void closedBroker(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int closed = port;
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closed);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theApiAnswers503WithTheHotline() throws Exception {
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"email\":\"a@example.com\",\"description\":\"停电了\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("urn:hearken:problem:unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("hotline 400-800-1234")));
    }

    @Test
    void aRetryWithAnIdempotencyKeyIsAlso503NotASecondGuess() throws Exception {
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "k-1")
                        .content("{\"email\":\"a@example.com\",\"description\":\"停电了\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("服务暂时不可用"));
    }

    @Test
    void theFormAnswers503InChineseAndKeepsTheText() throws Exception {
        mvc.perform(multipart("/").param("email", "a@example.com").param("description", "整栋楼停电了")
                        .param("consent", "true"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("系统暂时无法受理您的投诉，您填写的内容尚未提交")))
                .andExpect(content().string(containsString("400-800-1234")))
                .andExpect(content().string(containsString("整栋楼停电了")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("tracking-id"))));
    }
}
