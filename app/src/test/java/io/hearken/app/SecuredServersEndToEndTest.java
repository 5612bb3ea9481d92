package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The all-in-one against servers secured as production runs them: Kafka that takes only SASL clients, Elasticsearch
 * with security on, HTTPS and a user with the services' role. Hearken gets the settings only as properties
 * ({@code spring.kafka.security.protocol}, {@code spring.kafka.properties.sasl.*}, {@code hearken.elasticsearch.*}),
 * so any Kafka client or Elasticsearch call that ignores them has nothing to talk to and the complaint never arrives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hearken.embedded.mode=test", "hearken.embedded.secured=true"})
@AutoConfigureTestRestTemplate
class SecuredServersEndToEndTest {

    static final String EMAIL = "secured.resident@example.com";
    static final String WORDS = "地下车库的消防栓一直在滴水";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Environment env;

    @Test
    void aWebComplaintIsRoutedIndexedQueuedAndAcknowledgedOverSaslAndHttps() throws Exception {
        assertThat(env.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(env.getProperty("hearken.elasticsearch.uris")).startsWith("https://");
        assertThat(env.getProperty("hearken.elasticsearch.ca-certificate")).endsWith(".crt");

        ResponseEntity<Map> created = rest.postForEntity("/api/v1/complaints", Map.of("name", "上官雪", "email", EMAIL,
                "building", "2号楼", "unit", "B1", "subject", "消防栓漏水", "description", WORDS, "language", "zh-CN"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");

        TestRestTemplate manager = rest.withBasicAuth("liu.yang", "demo");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            ResponseEntity<String> found = manager.getForEntity("/api/v1/analytics/search?q={q}", String.class, WORDS);
            assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(found.getBody()).as("indexed and found by the analytics search").contains(id);
            ResponseEntity<String> queue = manager.getForEntity("/api/v1/desk/queue", String.class);
            assertThat(queue.getBody()).as("on the desk").contains(id);
            assertThat(ResidentMail.containing(servers().mail().imapPort(), EMAIL, id, id))
                    .as("the resident's acknowledgement").isNotNull();
        });

        ResponseEntity<Map> health = rest.getForEntity("/actuator/health", Map.class);
        Map<String, Map<String, Object>> components = (Map) health.getBody().get("components");
        assertThat(components.get("kafka")).containsEntry("status", "UP");
        assertThat(components.get("elasticsearch")).containsEntry("status", "UP");
    }

    @Test
    void theBrokerRefusesAClientWithoutCredentials() {
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers().kafka().bootstrapServers());
        anonymous.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        anonymous.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS)).isNotNull();
        }
        Map<String, Object> signedIn = new HashMap<>(anonymous);
        signedIn.putAll(servers().kafka().clientProperties());
        try (Admin admin = Admin.create(signedIn)) {
            assertThat(admin.describeCluster().nodes()).succeedsWithin(Duration.ofSeconds(30));
        }
    }

    @Test
    void elasticsearchRefusesARequestWithoutCredentials() throws Exception {
        var security = servers().elasticsearch().security();
        HttpClient http = security.trusting(HttpClient.newBuilder()).build();
        URI search = URI.create(servers().elasticsearch().uri() + "/complaints*/_search");
        assertThat(http.send(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        assertThat(http.send(security.signedIn(HttpRequest.newBuilder(search)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
    }

    private static EmbeddedServers servers() {
        return EmbeddedServers.currentSecured();
    }
}
