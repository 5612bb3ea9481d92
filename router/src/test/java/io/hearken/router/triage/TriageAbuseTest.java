package io.hearken.router.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Abuse probes on the open triage API, on a real port: oversize text is refused before the classifier runs, and
 * each client address gets {@code hearken.router.triage-limit.capacity} requests, then 429 with Retry-After.
 */
@SpringBootTest(classes = TriageAbuseTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hearken.embedded.mode=test", "hearken.elasticsearch.uris=http://127.0.0.1:9",
                "spring.mail.host=127.0.0.1", "hearken.privacy.secret=router-test-secret",
                "hearken.router.engine-enabled=false", "hearken.router.triage-limit.capacity=4",
                "hearken.router.triage-limit.period=10m"})
@AutoConfigureTestRestTemplate
class TriageAbuseTest {

    @org.springframework.boot.SpringBootConfiguration
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    static class App {
    }

    @Autowired
    TestRestTemplate rest;

    @Test
    void oversizeTextIsRefusedAndTheAddressIsLimited() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        // 1) a text over the limit, and a 2 MB body: 400 with a problem, not classified.
        ResponseEntity<Map> big = rest.postForEntity("/api/v1/triage",
                new HttpEntity<>(Map.of("text", "电梯".repeat(10_001)), json), Map.class);
        assertThat(big.getStatusCode().value()).isEqualTo(400);
        assertThat(big.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        ResponseEntity<String> huge = rest.postForEntity("/api/v1/triage",
                new HttpEntity<>("{\"text\":\"" + "x".repeat(2_000_000) + "\"}", json), String.class);
        assertThat(huge.getStatusCode().value()).isIn(400, 413);
        assertThat(huge.getBody()).doesNotContain("category");

        // 2) then four good requests from this address, and the fifth is refused with Retry-After.
        for (int i = 0; i < 4; i++) {
            ResponseEntity<Map> ok = rest.postForEntity("/api/v1/triage", new HttpEntity<>(Map.of("text", "三号楼电梯困人"), json),
                    Map.class);
            assertThat(ok.getStatusCode().value()).as("request %d", i).isEqualTo(200);
        }
        ResponseEntity<Map> limited = rest.postForEntity("/api/v1/triage", new HttpEntity<>(Map.of("text", "三号楼电梯困人"), json),
                Map.class);
        assertThat(limited.getStatusCode().value()).isEqualTo(429);
        assertThat(Long.parseLong(limited.getHeaders().getFirst("Retry-After"))).isPositive();
        assertThat(limited.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(limited.getBody()).containsEntry("status", 429).doesNotContainKey("category");
    }
}
