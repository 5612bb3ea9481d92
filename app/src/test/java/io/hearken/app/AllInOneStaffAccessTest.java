package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The all-in-one (one server, one filter chain from every module's staff endpoints, the demo accounts of its
 * application.yml): anonymous callers get 401 on each module's staff API, pages go to sign-in, resident paths stay
 * open, and the maintenance supervisor cannot read billing's complaints in analytics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hearken.embedded.mode=test")
@AutoConfigureTestRestTemplate
class AllInOneStaffAccessTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void everyModulesStaffEndpointsNeedSignInAndDepartmentsStaySeparate() {
        for (String api : List.of("/api/v1/desk/queue", "/api/v1/analytics/search?q=x", "/api/v1/analytics/dashboard",
                "/api/v1/analytics/monthly-summary.csv", "/api/v1/notifier/dead-letters")) {
            assertThat(rest.getForEntity(api, String.class).getStatusCode()).as(api).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.exchange("/api/v1/hotline/transcripts", HttpMethod.POST, new HttpEntity<>("[]", json), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String page : List.of("/desk", "/dashboard")) {
            var answer = rest.withRedirects(HttpRedirects.DONT_FOLLOW).getForEntity(page, String.class);
            assertThat(answer.getStatusCode()).as(page).isEqualTo(HttpStatus.FOUND);
            assertThat(answer.getHeaders().getLocation().toString()).as(page).contains("/login?next=");
        }
        assertThat(rest.getForEntity("/login", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isNotIn(
                HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);

        TestRestTemplate wang = rest.withBasicAuth("wang.fang", "demo");
        var billing = wang.getForEntity("/api/v1/analytics/search?department=billing", Map.class);
        assertThat(billing.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(billing.getBody()).doesNotContainKey("hits");
        assertThat(wang.getForEntity("/api/v1/analytics/search?department=maintenance", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(wang.getForEntity("/api/v1/notifier/dead-letters", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("liu.yang", "demo").getForEntity("/api/v1/notifier/dead-letters", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
