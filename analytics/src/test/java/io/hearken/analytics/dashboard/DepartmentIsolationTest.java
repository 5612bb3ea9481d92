package io.hearken.analytics.dashboard;

import static io.hearken.analytics.Fixtures.newId;
import static io.hearken.analytics.Fixtures.received;
import static io.hearken.analytics.Fixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.analytics.AnalyticsIntegrationTest;
import io.hearken.events.ComplaintId;
import io.hearken.events.Departments;
import io.hearken.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Analytics run alone: every staff endpoint needs sign-in (API 401, pages to the sign-in page), and a supervisor
 * reads only their own departments' complaints in the search, the dashboard, the monthly summary and its CSV;
 * asking for another department is a 403. A manager reads all.
 */
@AutoConfigureTestRestTemplate
class DepartmentIsolationTest extends AnalyticsIntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> API = List.of("/api/v1/analytics/dashboard", "/api/v1/analytics/search?q=x",
            "/api/v1/analytics/monthly-summary?month=2018-06", "/api/v1/analytics/monthly-summary.csv?month=2018-06");

    @Autowired
    TestRestTemplate anonymous;

    String building;
    ComplaintId maintenance;
    ComplaintId billing;
    ComplaintId cleaning;
    ComplaintId juneBilling;

    /** One complaint each for maintenance, billing and cleaning, in a building of this test only, in June 2018. */
    @BeforeEach
    void threeDepartments() throws Exception {
        building = "隔-" + UUID.randomUUID().toString().substring(0, 6);
        Instant june = ZonedDateTime.of(2018, 6, 12, 9, 0, 0, 0, ZONE).toInstant().plusSeconds((long) (Math.random() * 3600));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        maintenance = newId();
        billing = newId();
        cleaning = newId();
        publish(Topics.ROUTED,
                routed(received(maintenance, t0, building, "电梯坏了"), t0.plusSeconds(1), "facility", Departments.MAINTENANCE),
                routed(received(billing, t0.plusSeconds(2), building, "物业费多收了，气死了"), t0.plusSeconds(3), "billing",
                        Departments.BILLING, io.hearken.events.Sentiment.ANGRY, io.hearken.events.ResidentType.BUSINESS),
                routed(received(cleaning, t0.plusSeconds(4), building, "垃圾没人收"), t0.plusSeconds(5), "environment", Departments.CLEANING));
        ComplaintId old = juneBilling = newId();
        publish(Topics.ROUTED, routed(received(old, june, building, "六月的账单"), june.plusSeconds(1), "billing", Departments.BILLING));
        for (ComplaintId id : List.of(maintenance, billing, cleaning, old)) {
            awaitComplaint(id, d -> d.department != null);
        }
        refresh();
    }

    @Test
    void anonymousCallersGet401OnTheApiAndThePagesSendThemToSignIn() {
        for (String path : API) {
            ResponseEntity<String> response = anonymous.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic");
            assertThat(response.getHeaders().getContentType().toString()).as(path).startsWith("application/problem+json");
            assertThat(response.getBody()).as(path).doesNotContain(building);
        }
        for (String page : List.of("/dashboard?lang=en", "/dashboard/monthly?month=2018-06")) {
            ResponseEntity<String> response = anonymous.withRedirects(HttpRedirects.DONT_FOLLOW).getForEntity(page, String.class);
            assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.FOUND);
            assertThat(response.getHeaders().getLocation().toString()).as(page).contains("/login?next=");
        }
        // A worker is signed in but is not a supervisor.
        assertThat(anonymous.withBasicAuth("li.wei", "demo").getForEntity(API.get(0), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.withBasicAuth("li.wei", "wrong").getForEntity(API.get(0), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theSearchShowsASupervisorTheirDepartmentsOnly() {
        TestRestTemplate wang = anonymous.withBasicAuth("wang.fang", "demo");
        assertThat(ids(wang, "/api/v1/analytics/search?building={b}")).containsExactly(maintenance.value());
        ResponseEntity<Map> other = wang.getForEntity("/api/v1/analytics/search?building={b}&department=billing",
                Map.class, building);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(other.getBody()).containsEntry("status", 403).doesNotContainKey("hits");

        TestRestTemplate two = anonymous.withBasicAuth("ops.two", "two");
        assertThat(ids(two, "/api/v1/analytics/search?building={b}"))
                .containsExactlyInAnyOrder(billing.value(), cleaning.value(), juneBilling.value());
        assertThat(ids(two, "/api/v1/analytics/search?building={b}&department=cleaning")).containsExactly(cleaning.value());

        assertThat(ids(anonymous.withBasicAuth("liu.yang", "demo"), "/api/v1/analytics/search?building={b}"))
                .containsExactlyInAnyOrder(maintenance.value(), billing.value(), cleaning.value(), juneBilling.value());
    }

    @Test
    void theDashboardCountsASupervisorsDepartmentsOnly() {
        TestRestTemplate wang = anonymous.withBasicAuth("wang.fang", "demo");
        Map<String, Object> mine = wang.getForObject("/api/v1/analytics/dashboard?building={b}", Map.class, building);
        assertThat(mine.get("total")).isEqualTo(1);
        // the angry trend and the customer types count their own department's complaints only
        assertThat(((List<Integer>) ((Map<String, Object>) mine.get("trend")).get("angry"))).containsOnly(0);
        assertThat((List<Map<String, Object>>) mine.get("customerType")).extracting(r -> r.get("key") + "=" + r.get("count"))
                .containsExactly("TENANT=1");
        assertThat((List<Map<String, Object>>) mine.get("departments")).extracting(d -> d.get("key"))
                .containsExactly(Departments.MAINTENANCE);
        assertThat(wang.getForEntity("/api/v1/analytics/dashboard?building={b}&department=billing", String.class,
                building).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // The page too: another department is refused, and the filter offers only their own.
        assertThat(wang.getForEntity("/dashboard?department=billing", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(wang.getForObject("/dashboard?lang=en", String.class))
                .contains("value=\"maintenance\"").doesNotContain("value=\"billing\"");

        Map<String, Object> all = anonymous.withBasicAuth("liu.yang", "demo")
                .getForObject("/api/v1/analytics/dashboard?building={b}", Map.class, building);
        assertThat(all.get("total")).isEqualTo(3);
        assertThat(((List<Integer>) ((Map<String, Object>) all.get("trend")).get("angry")).stream().mapToInt(i -> i).sum())
                .isEqualTo(1);
        assertThat((List<Map<String, Object>>) all.get("customerType")).extracting(r -> r.get("key") + "=" + r.get("count"))
                .containsExactlyInAnyOrder("TENANT=2", "BUSINESS=1");
    }

    @Test
    void theMonthlySummaryAndItsCsvCoverASupervisorsDepartmentsOnly() {
        TestRestTemplate wang = anonymous.withBasicAuth("wang.fang", "demo");
        Map<String, Object> report = wang.getForObject("/api/v1/analytics/monthly-summary?month=2018-06", Map.class);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        assertThat(rows).filteredOn(r -> "building".equals(r.get("dimension"))).extracting(r -> r.get("key"))
                .doesNotContain(building);
        assertThat(rows).filteredOn(r -> "department".equals(r.get("dimension"))).extracting(r -> r.get("key"))
                .doesNotContain(Departments.BILLING);
        String csv = csv(wang, "/api/v1/analytics/monthly-summary.csv?month=2018-06");
        assertThat(csv).doesNotContain(building).doesNotContain(",department,billing,");
        assertThat(wang.getForEntity("/api/v1/analytics/monthly-summary.csv?month=2018-06&department=billing",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(wang.getForObject("/dashboard/monthly?month=2018-06&lang=en", String.class)).doesNotContain(building);

        String billingCsv = csv(anonymous.withBasicAuth("ops.two", "two"), "/api/v1/analytics/monthly-summary.csv?month=2018-06");
        assertThat(billingCsv).contains("2018-06,building," + building + ",").doesNotContain(",department,maintenance,");
        assertThat(csv(anonymous.withBasicAuth("liu.yang", "demo"), "/api/v1/analytics/monthly-summary.csv?month=2018-06"))
                .contains("2018-06,building," + building + ",").contains("2018-06,department,billing,");
    }

    private List<String> ids(TestRestTemplate as, String path) {
        ResponseEntity<Map> response = as.getForEntity(path, Map.class, building);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) response.getBody().get("hits")).stream().map(h -> (String) h.get("id")).toList();
    }

    private static String csv(TestRestTemplate as, String path) {
        ResponseEntity<byte[]> response = as.getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }
}
