package io.hearken.analytics.dashboard;

import static io.hearken.analytics.Fixtures.acknowledged;
import static io.hearken.analytics.Fixtures.feedback;
import static io.hearken.analytics.Fixtures.newId;
import static io.hearken.analytics.Fixtures.received;
import static io.hearken.analytics.Fixtures.resolved;
import static io.hearken.analytics.Fixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hearken.analytics.AnalyticsIntegrationTest;
import io.hearken.events.Actor;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Departments;
import io.hearken.events.Events;
import io.hearken.events.HandlerAssigned;
import io.hearken.events.ReturnVisitRecorded;
import io.hearken.events.Topics;
import io.hearken.events.Urgency;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Staff KPIs (issue #18, point 9) on a small known set in the real Elasticsearch: per department and per handler,
 * handled, median first response, SLA met, reopen rate, satisfaction and overdue return visits, in the dashboard's
 * JSON and the monthly summary (JSON and CSV); a supervisor sees their departments' rows only, a worker gets 403.
 */
@AutoConfigureTestRestTemplate
@SuppressWarnings("unchecked")
class StaffKpiTest extends AnalyticsIntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor LI_WEI = new Actor("li.wei", "李伟", Departments.MAINTENANCE, Actor.Role.STAFF);
    static final Actor WANG_FANG = new Actor("wang.fang", "王芳", Departments.MAINTENANCE, Actor.Role.SUPERVISOR);
    static final Actor CHEN_JING = new Actor("chen.jing", "陈静", Departments.CLEANING, Actor.Role.STAFF);

    @Autowired
    TestRestTemplate http;

    String building;
    /** A month of this set only (the monthly summary covers every building). */
    java.time.YearMonth month;

    /**
     * Maintenance: m1 (li.wei) answered in 10 min, resolved in time, rated 5; m2 (li.wei) answered in 30 min,
     * resolved late, rated 1 and reopened (its return visit, owed for years, overdue); m3 (wang.fang, urgent)
     * answered in 20 min, resolved in time, visited; m4 (nobody named) not answered. Cleaning: c1 (chen.jing).
     */
    @BeforeEach
    void aKnownSet() {
        building = "绩-" + UUID.randomUUID().toString().substring(0, 6);
        var random = java.util.concurrent.ThreadLocalRandom.current();
        month = java.time.YearMonth.of(2001 + random.nextInt(15), 1 + random.nextInt(12));
        Instant t = month.atDay(10).atTime(9, 0).atZone(ZONE).toInstant().plusSeconds(random.nextInt(3600));
        ComplaintId m1 = newId(), m2 = newId(), m3 = newId(), m4 = newId(), c1 = newId();
        publish(Topics.ROUTED, routed(received(m1, t, building, "a"), t.plusSeconds(1), "facility", Departments.MAINTENANCE),
                routed(received(m2, t, building, "b"), t.plusSeconds(1), "facility", Departments.MAINTENANCE),
                urgent(routed(received(m3, t, building, "c"), t.plusSeconds(1), "facility", Departments.MAINTENANCE)),
                routed(received(m4, t, building, "d"), t.plusSeconds(1), "facility", Departments.MAINTENANCE),
                routed(received(c1, t, building, "e"), t.plusSeconds(1), "environment", Departments.CLEANING));
        publish(Topics.UPDATES,
                named(m1, LI_WEI, t), acknowledged(m1, t.plus(min(10)), Departments.MAINTENANCE),
                resolved(m1, t.plus(min(60)), Departments.MAINTENANCE, "ok"),
                named(m2, LI_WEI, t), acknowledged(m2, t.plus(min(30)), Departments.MAINTENANCE),
                resolved(m2, t.plus(Duration.ofDays(3)), Departments.MAINTENANCE, "late"),
                named(m3, WANG_FANG, t), acknowledged(m3, t.plus(min(20)), Departments.MAINTENANCE),
                resolved(m3, t.plus(min(120)), Departments.MAINTENANCE, "ok"),
                new ReturnVisitRecorded(Events.newId(), m3, t.plus(Duration.ofDays(1)), WANG_FANG, true, true, null, false),
                named(c1, CHEN_JING, t), acknowledged(c1, t.plus(min(40)), Departments.CLEANING),
                resolved(c1, t.plus(min(60)), Departments.CLEANING, "ok"));
        publish(Topics.INTAKE_WEB, feedback(m1, t.plus(min(90)), 5), feedback(m2, t.plus(Duration.ofDays(4)), 1),
                feedback(c1, t.plus(min(90)), 4));
        ComplaintReopened reopened = new ComplaintReopened(Events.newId(), m2, t.plus(Duration.ofDays(4)).plusSeconds(1),
                Actor.system("router"), "satisfaction score 1");
        publish(Topics.UPDATES, reopened);
        awaitEvent(reopened.eventId());
        for (ComplaintId id : List.of(m1, m3, c1)) {
            awaitComplaint(id, d -> d.satisfaction != null || d.returnVisits > 0);
        }
        awaitComplaint(m2, d -> d.reopens == 1 && d.satisfaction != null && Boolean.TRUE.equals(d.returnVisitPending));
        awaitComplaint(m4, d -> d.department != null);
        try {
            refresh();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDashboardShowsEachDepartmentsAndHandlersFigures() {
        Map<String, Object> all = dashboard(http.withBasicAuth("liu.yang", "demo"));
        assertThat(all.get("overdueReturnVisits")).isEqualTo(1);
        Map<String, Object> kpis = (Map<String, Object>) all.get("kpis");
        Map<String, Object> maintenance = row(kpis, "departments", Departments.MAINTENANCE);
        assertThat(maintenance.get("complaints")).isEqualTo(4);
        assertThat(maintenance.get("handled")).isEqualTo(2);           // m1 closed, m3 resolved; m2 reopened, m4 open
        assertThat((Double) maintenance.get("medianFirstResponseMinutes")).isCloseTo(20.0, within(0.5)); // 10, 20, 30
        assertThat((Double) maintenance.get("slaMetPct")).isCloseTo(66.7, within(0.1));   // m1, m3 met; m2 breached
        assertThat((Double) maintenance.get("reopenRatePct")).isCloseTo(33.3, within(0.1)); // m2 of m1..m3
        assertThat((Double) maintenance.get("satisfaction")).isEqualTo(3.0);                // 5 and 1
        assertThat(maintenance.get("overdueReturnVisits")).isEqualTo(1);                  // m2
        Map<String, Object> li = row(kpis, "handlers", "li.wei");
        assertThat(li.get("name")).isEqualTo("李伟");
        assertThat(li.get("departments")).isEqualTo(List.of(Departments.MAINTENANCE));
        assertThat(li.get("complaints")).isEqualTo(2);
        assertThat(li.get("handled")).isEqualTo(1);
        assertThat((Double) li.get("slaMetPct")).isEqualTo(50.0);
        assertThat((Double) li.get("reopenRatePct")).isEqualTo(50.0);
        assertThat(li.get("overdueReturnVisits")).isEqualTo(1);
        Map<String, Object> wang = row(kpis, "handlers", "wang.fang");
        assertThat(wang.get("handled")).isEqualTo(1);
        assertThat((Double) wang.get("slaMetPct")).isEqualTo(100.0);
        assertThat(wang.get("satisfaction")).isNull();
        assertThat(wang.get("overdueReturnVisits")).isEqualTo(0);                          // visited
        assertThat(row(kpis, "handlers", "chen.jing").get("handled")).isEqualTo(1);
    }

    @Test
    void aSupervisorSeesTheirDepartmentsRowsOnlyAndAWorkerNone() {
        Map<String, Object> wang = (Map<String, Object>) dashboard(http.withBasicAuth("wang.fang", "demo")).get("kpis");
        assertThat(keys(wang, "departments")).containsExactly(Departments.MAINTENANCE);
        assertThat(keys(wang, "handlers")).containsExactlyInAnyOrder("li.wei", "wang.fang");
        Map<String, Object> two = (Map<String, Object>) dashboard(http.withBasicAuth("ops.two", "two")).get("kpis");
        assertThat(keys(two, "departments")).containsExactly(Departments.CLEANING);
        assertThat(keys(two, "handlers")).containsExactly("chen.jing");
        assertThat(dashboard(http.withBasicAuth("ops.two", "two")).get("overdueReturnVisits")).isEqualTo(0);
        assertThat(http.withBasicAuth("wang.fang", "demo").getForEntity(
                "/api/v1/analytics/dashboard?department=cleaning", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("li.wei", "demo").getForEntity("/api/v1/analytics/dashboard", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("li.wei", "demo").getForEntity("/api/v1/analytics/monthly-summary.csv?month="
                + month, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theMonthlySummaryCarriesTheKpisPerDepartmentAndHandler() {
        Map<String, Object> report = http.withBasicAuth("liu.yang", "demo")
                .getForObject("/api/v1/analytics/monthly-summary?month=" + month, Map.class);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        Map<String, Object> li = rows.stream().filter(r -> "handler".equals(r.get("dimension")) && "li.wei".equals(r.get("key")))
                .findFirst().orElseThrow();
        Map<String, Object> staff = (Map<String, Object>) ((Map<String, Object>) li.get("current")).get("staff");
        assertThat(staff.get("handled")).isEqualTo(1);
        assertThat((Double) staff.get("reopenRatePct")).isEqualTo(50.0);
        assertThat(staff.get("overdueReturnVisits")).isEqualTo(1);
        String csv = new String(http.withBasicAuth("liu.yang", "demo").getForObject(
                "/api/v1/analytics/monthly-summary.csv?month=" + month, byte[].class), StandardCharsets.UTF_8);
        assertThat(csv).contains("handled,previous_handled,median_first_response_minutes")
                .contains(",overdue_return_visits,previous_overdue_return_visits\r\n")
                .containsPattern(month + ",handler,li\\.wei,2,0,,50\\.0,,3\\.0,,0,0,1,0,[0-9.]+,,50\\.0,,1,0\r\n");
        String mine = new String(http.withBasicAuth("wang.fang", "demo").getForObject(
                "/api/v1/analytics/monthly-summary.csv?month=" + month, byte[].class), StandardCharsets.UTF_8);
        assertThat(mine).contains(month + ",handler,li.wei,").doesNotContain(",handler,chen.jing,")
                .doesNotContain(",department,cleaning,");
    }

    private Map<String, Object> dashboard(TestRestTemplate as) {
        return as.getForObject("/api/v1/analytics/dashboard?from={f}&to={t}&building={b}", Map.class, month.atDay(1),
                month.atEndOfMonth(), building);
    }

    private static Map<String, Object> row(Map<String, Object> kpis, String kind, String key) {
        return ((List<Map<String, Object>>) kpis.get(kind)).stream().filter(r -> key.equals(r.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError(key + " not in " + kpis.get(kind)));
    }

    private static List<Object> keys(Map<String, Object> kpis, String kind) {
        return ((List<Map<String, Object>>) kpis.get(kind)).stream().map(r -> r.get("key")).toList();
    }

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static HandlerAssigned named(ComplaintId id, Actor handler, Instant t) {
        return new HandlerAssigned(Events.newId(), id, t.plusSeconds(5), WANG_FANG, handler);
    }

    private static ComplaintRouted urgent(ComplaintRouted r) {
        var c = r.classification();
        return new ComplaintRouted(r.eventId(), r.complaintId(), r.at(), r.complaint(),
                new ComplaintRouted.Classification(c.category(), Urgency.URGENT, c.confidence(), c.needsTriage(),
                        c.reasons(), c.suggestions()), r.assignment(), r.links());
    }
}
