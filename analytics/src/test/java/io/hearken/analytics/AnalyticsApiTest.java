package io.hearken.analytics;

import static io.hearken.analytics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.Departments;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaClock;
import io.hearken.events.Events;
import io.hearken.events.ResidentType;
import io.hearken.events.Sentiment;
import io.hearken.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The dashboard JSON, the manager search and the monthly summary over documents indexed from real topics. */
@AutoConfigureTestRestTemplate
class AnalyticsApiTest extends AnalyticsIntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestRestTemplate anonymous;
    TestRestTemplate rest;

    @BeforeEach
    void asTheManager() {
        rest = anonymous.withBasicAuth("liu.yang", "demo");
    }

    @Test
    void dashboardAggregatesTheFilteredComplaints() throws Exception {
        String building = "楼-" + UUID.randomUUID().toString().substring(0, 6);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(6));
        ComplaintId a = newId();
        ComplaintId b = newId();
        ComplaintId c = newId();
        var ra = received(a, t0, building, "电梯坏了");
        var rb = received(b, t0.plusSeconds(10), building, "水管漏水");
        var rc = received(c, t0.plusSeconds(20), building, "楼下施工噪音");
        var resolvedA = resolved(a, t0.plus(Duration.ofHours(1)), Departments.MAINTENANCE, "修好了");
        publish(Topics.ROUTED, routed(ra, t0.plusSeconds(1), "facility", Departments.MAINTENANCE, Sentiment.ANGRY,
                        ResidentType.BUSINESS),
                routed(rb, t0.plusSeconds(11), "facility", Departments.MAINTENANCE, Sentiment.DISTRESSED, ResidentType.OWNER),
                routed(rc, t0.plusSeconds(21), "noise", Departments.SECURITY)); // an older routing: the channel's TENANT
        publish(Topics.UPDATES, acknowledged(a, t0.plus(Duration.ofMinutes(20)), Departments.MAINTENANCE), resolvedA,
                new SlaBreached(Events.newId(), b, t0.plus(Duration.ofHours(5)), SlaClock.FIRST_RESPONSE,
                        t0.plus(Duration.ofHours(4)), Departments.MAINTENANCE),
                escalated(b, t0.plus(Duration.ofHours(5)).plusSeconds(1), Departments.MAINTENANCE));
        publish(Topics.INTAKE_WEB, feedback(a, t0.plus(Duration.ofHours(2)), 4));
        awaitComplaint(a, d -> d.satisfaction != null);
        awaitComplaint(b, d -> d.escalations == 1);
        awaitComplaint(c, d -> d.department != null);
        refresh();

        String today = LocalDate.now(ZONE).toString();
        String from = LocalDate.now(ZONE).minusDays(2).toString();
        ResponseEntity<Map> response = rest.getForEntity("/api/v1/analytics/dashboard?from={f}&to={t}&building={b}",
                Map.class, from, today, building);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> d = response.getBody();
        assertThat(d.get("total")).isEqualTo(3);
        assertThat(d.get("open")).isEqualTo(2);
        assertThat(d.get("slaCompliance")).isEqualTo(50.0); // a met, b breached, c pending
        assertThat(d.get("meanFirstResponseMinutes")).isEqualTo(20.0);
        assertThat(d.get("meanResolutionMinutes")).isEqualTo(60.0);
        assertThat(d.get("meanSatisfaction")).isEqualTo(4.0);
        assertThat(d.get("escalations")).isEqualTo(1);
        assertThat((List<Map<String, Object>>) d.get("category")).extracting(r -> r.get("key") + "=" + r.get("count"))
                .containsExactly("facility=2", "noise=1");
        assertThat((List<Map<String, Object>>) d.get("channel")).extracting(r -> r.get("key") + "=" + r.get("count"))
                .containsExactly("WEB=3");
        assertThat((List<Map<String, Object>>) d.get("backlog")).extracting(r -> r.get("key") + "=" + r.get("count"))
                .containsExactlyInAnyOrder("maintenance=1", "security=1");
        assertThat((List<Map<String, Object>>) d.get("departments"))
                .filteredOn(r -> r.get("key").equals("maintenance"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("met")).isEqualTo(1);
                    assertThat(r.get("breached")).isEqualTo(1);
                });
        assertThat((List<Map<String, Object>>) d.get("customerType")).extracting(r -> r.get("key") + "=" + r.get("count"))
                .containsExactlyInAnyOrder("BUSINESS=1", "OWNER=1", "TENANT=1");
        assertThat((List<Map<String, Object>>) d.get("sentiment")).extracting(r -> r.get("key") + "=" + r.get("count"))
                .containsExactlyInAnyOrder("ANGRY=1", "DISTRESSED=1");
        Map<String, Object> trend = (Map<String, Object>) d.get("trend");
        // per day (t0 may fall on yesterday in the office's zone): one angry and one distressed complaint in all
        assertThat((List<Integer>) trend.get("angry")).hasSize(3).containsOnly(0, 1).containsOnlyOnce(1);
        assertThat((List<Integer>) trend.get("distressed")).hasSize(3).containsOnly(0, 1).containsOnlyOnce(1);
        Map<String, Object> volume = (Map<String, Object>) d.get("volume");
        assertThat((List<String>) volume.get("labels")).hasSize(3).last().isEqualTo(today);

        ResponseEntity<Map> other = rest.getForEntity("/api/v1/analytics/dashboard?building={b}&category=noise",
                Map.class, building);
        assertThat(other.getBody().get("total")).isEqualTo(1);
    }

    @Test
    void managersFindComplaintsByChineseAndEnglishWordsAndByTrackingId() throws Exception {
        String building = "搜-" + UUID.randomUUID().toString().substring(0, 6);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        ComplaintId zh = newId();
        ComplaintId en = newId();
        var rz = received(zh, t0, building, "地下车库的电梯经常困人，物业一直不处理");
        var re = new io.hearken.events.ComplaintReceived(Events.newId(), en, t0, io.hearken.events.Channel.EMAIL,
                "imap", "ref", new io.hearken.events.Contact("Wei Zhang", "w@example.com", null),
                io.hearken.events.ResidentType.STUDENT, io.hearken.events.Place.of(building, "201"), "Leak",
                "Water keeps leaking from the bathroom ceiling of my dorm room", null, "en", List.of(), Map.of());
        publish(Topics.ROUTED, routed(rz, t0.plusSeconds(1), "facility", Departments.MAINTENANCE),
                routed(re, t0.plusSeconds(2), "facility", Departments.MAINTENANCE));
        awaitComplaint(zh, d -> d.department != null);
        awaitComplaint(en, d -> d.department != null);
        refresh();

        assertThat(search("电梯", building)).containsExactly(zh.value());
        assertThat(search("困人", building)).containsExactly(zh.value());
        assertThat(search("车库", building)).containsExactly(zh.value());
        assertThat(search("leaks", building)).containsExactly(en.value()); // stemmed: leaking ~ leaks
        assertThat(search("ceiling water", building)).containsExactly(en.value());
        assertThat(search("暖气", building)).isEmpty();
        assertThat(search(zh.value().toLowerCase().replace("-", ""), building)).containsExactly(zh.value());
        assertThat(search("", building)).containsExactlyInAnyOrder(zh.value(), en.value());

        ResponseEntity<Map> filtered = rest.getForEntity(
                "/api/v1/analytics/search?q={q}&building={b}&status=ASSIGNED&department=maintenance&category=facility",
                Map.class, "电梯", building);
        List<Map<String, Object>> hits = (List<Map<String, Object>>) filtered.getBody().get("hits");
        assertThat(hits).singleElement().satisfies(h -> assertThat((String) h.get("snippet")).contains("<mark>"));
        assertThat(rest.getForEntity("/api/v1/analytics/search?q={q}&building={b}&status=RESOLVED", Map.class,
                "电梯", building).getBody().get("total")).isEqualTo(0);
    }

    @Test
    void theMonthlySummaryComparesWithTheMonthBeforeAsCsvAndAsAPage() throws Exception {
        String building = "月-" + UUID.randomUUID().toString().substring(0, 6);
        Instant march = ZonedDateTime.of(2020, 3, 10, 9, 0, 0, 0, ZONE).toInstant();
        Instant february = ZonedDateTime.of(2020, 2, 10, 9, 0, 0, 0, ZONE).toInstant();
        ComplaintId m1 = newId();
        ComplaintId m2 = newId();
        ComplaintId f1 = newId();
        var r1 = received(m1, march, building, "一");
        var r2 = received(m2, march.plusSeconds(60), building, "二");
        var r3 = received(f1, february, building, "三");
        List<ComplaintEvent> events = List.of(
                routed(r1, march.plusSeconds(1), "environment", Departments.CLEANING),
                routed(r2, march.plusSeconds(61), "environment", Departments.CLEANING),
                routed(r3, february.plusSeconds(1), "environment", Departments.CLEANING));
        publish(Topics.ROUTED, events.toArray(ComplaintEvent[]::new));
        publish(Topics.UPDATES, resolved(m1, march.plus(Duration.ofHours(2)), Departments.CLEANING, "ok"));
        publish(Topics.INTAKE_WEB, feedback(m1, march.plus(Duration.ofHours(3)), 5));
        awaitComplaint(m1, d -> d.satisfaction != null);
        awaitComplaint(m2, d -> d.department != null);
        awaitComplaint(f1, d -> d.department != null);
        refresh();

        ResponseEntity<byte[]> csv = rest.getForEntity("/api/v1/analytics/monthly-summary.csv?month=2020-03", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String body = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFmonth,dimension,key,count,previous_count,change_pct,");
        // then the staff KPIs (issue #18): one handled now, none the month before, …, no overdue return visit
        assertThat(body).containsPattern("2020-03,building," + building + ",2,1,100.0,100.0,,5.0,,0,0,1,0,[0-9.]*,,0.0,,0,0\r\n");
        assertThat(body).contains("2020-03,channel,WEB,"); // the channel is a section of the summary

        ResponseEntity<String> page = rest.getForEntity("/dashboard/monthly?month=2020-03&lang=en", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Monthly complaint summary", "2020-03", building, "+100.0%",
                "Environment / cleanliness", "Cleaning", "By channel", "Web"); // names, not codes
        assertThat(rest.getForEntity("/dashboard/monthly?month=2020-03", String.class).getBody())
                .contains("月度投诉汇总", "环境卫生", "保洁部");

        ResponseEntity<Map> bad = rest.getForEntity("/api/v1/analytics/monthly-summary.csv?month=March", Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) bad.getBody().get("error")).contains("2026-11", "月份");
    }

    private List<String> search(String q, String building) {
        ResponseEntity<Map> response = rest.getForEntity("/api/v1/analytics/search?q={q}&building={b}", Map.class, q,
                building);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) response.getBody().get("hits")).stream().map(h -> (String) h.get("id"))
                .toList();
    }
}
