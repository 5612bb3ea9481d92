package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The whole pipe: REST intake → intake.web (Kafka) → router → complaints.routed → analytics
 * (Elasticsearch) → REST read. Nothing at those boundaries is mocked; the subclasses say which real
 * servers: the embedded ones, or the docker-compose images through Testcontainers.
 */
@AutoConfigureTestRestTemplate
abstract class WalkingSkeletonChecks {

    @Autowired
    TestRestTemplate rest;

    @Test
    void aComplaintPostedOverRestIsRoutedIndexedAndReadBackWithItsDepartment() {
        ResponseEntity<Map> created = rest.postForEntity("/api/v1/complaints", Map.of(
                "name", "张伟", "email", "zhang.wei@example.com", "building", "3号楼", "unit", "1203",
                "subject", "电梯故障", "description", "三号楼电梯困人，请尽快处理", "language", "zh-CN"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(id).matches("HK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // The resident's own text is shown to the resident only: the contact used at submission proves it.
            HttpHeaders resident = new HttpHeaders();
            resident.set("Hearken-Contact", "zhang.wei@example.com");
            ResponseEntity<Map> read = rest.exchange("/api/v1/complaints/" + id, HttpMethod.GET,
                    new HttpEntity<>(resident), Map.class);
            assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(read.getBody()).containsEntry("id", id).containsEntry("description", "三号楼电梯困人，请尽快处理");
            assertThat((String) read.getBody().get("department")).isNotBlank();
        });
    }

    @Test
    void healthShowsKafkaElasticsearchAndMailUp() {
        ResponseEntity<Map> health = rest.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Map<String, Object>> components = (Map) health.getBody().get("components");
        assertThat(components).containsKeys("kafka", "elasticsearch", "mail");
        assertThat(components.get("kafka")).containsEntry("status", "UP");
        assertThat(components.get("elasticsearch")).containsEntry("status", "UP");
        assertThat(components.get("mail")).containsEntry("status", "UP");
    }

    @Test
    void anUnknownTrackingIdIsNotFound() {
        assertThat(rest.getForEntity("/api/v1/complaints/HK-2222-2222", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
