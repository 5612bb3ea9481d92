package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue #18 end to end in the all-in-one (the real desk, router, notifier and analytics in one process, on the
 * embedded servers): a walk-in entered at the front desk is routed and acknowledged to the resident by mail, a
 * supervisor names its handler, the classification is corrected, the handler resolves it with a canned reply, the
 * resident rates it 1 through the resolution mail's link, a return visit is owed by the department (and by no other),
 * the visit finds the resident unsatisfied and reopens it, and the dashboard's staff KPIs and channel counts show it.
 * Shares the application context of the other all-in-one tests (same properties).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hearken.embedded.mode=test")
@AutoConfigureTestRestTemplate
class StaffLifecycleEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired
    TestRestTemplate rest;

    @Test
    void aWalkInGoesThroughTheWholeStaffLifecycle() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String resident = "walk-in." + run + "@example.com";
        // A building of its own: the dashboard's figures below are this complaint's alone, whatever else is indexed.
        String building = "回访楼-" + run;
        TestRestTemplate frontDesk = rest.withBasicAuth("zhou.min", "demo");
        TestRestTemplate supervisor = rest.withBasicAuth("wang.fang", "demo");
        TestRestTemplate handler = rest.withBasicAuth("li.wei", "demo");
        TestRestTemplate otherDepartment = rest.withBasicAuth("chen.jing", "demo");

        // 1. Front-desk staff (triage) enter a walk-in for the resident.
        ResponseEntity<Map> entered = frontDesk.postForEntity("/api/v1/desk/complaints", json(Map.of(
                "channel", "walk-in", "name", "赵大爷", "email", resident, "building", building, "unit", "502",
                "subject", "卫生间水管漏水", "language", "zh-CN",
                "description", "卫生间水管漏水，水都流到楼下了。这是第三次投诉了，忍无可忍！")), Map.class);
        assertThat(entered.getStatusCode()).as(String.valueOf(entered.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = (String) entered.getBody().get("id");
        assertThat(entered.getBody()).containsEntry("channel", "walk-in");

        // 2. Routed to maintenance with its SLA; the desk shows the channel, who entered it, the sentiment.
        Map<String, Object> routed = await().atMost(PATIENCE).until(() -> body(supervisor, "/api/v1/desk/complaints/" + id),
                c -> c != null && c.get("assignment") != null);
        Map<String, Object> summary = map(routed.get("summary"));
        assertThat(summary).containsEntry("department", "maintenance").containsEntry("channel", "walk-in");
        assertThat(map(routed.get("assignment")).get("resolutionDue")).isNotNull();
        assertThat(map(routed.get("enteredBy"))).containsEntry("id", "zhou.min");
        assertThat(map(routed.get("classification"))).containsEntry("sentiment", "ANGRY");
        assertThat(summary).containsEntry("sentiment", "ANGRY").containsKey("customerType");
        // The console says it in words, from the all-in-one's shared message source (wang.fang reads Chinese).
        for (String page : List.of("/desk/complaints/" + id, "/desk?building=" + building)) {
            assertThat(supervisor.getForEntity(page, String.class).getBody()).as(page)
                    .contains("data-sentiment=\"ANGRY\"", ">愤怒<");
        }
        String ack = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> ResidentMail.containing(imapPort(), resident, id, "/track"), m -> m != null);
        assertThat(ack).doesNotContain("周敏", "zhou.min");

        // 3. The supervisor names the handler; the queue filtered by handler shows it, for both of them.
        assertThat(supervisor.postForEntity("/api/v1/desk/complaints/" + id + "/assignee",
                json(Map.of("person", "li.wei")), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ids(body(supervisor, "/api/v1/desk/queue?assignee=li.wei"))).contains(id);
        assertThat(ids(body(handler, "/api/v1/desk/queue?assignee=me"))).contains(id);
        assertThat(ids(body(supervisor, "/api/v1/desk/queue?assignee=wang.fang"))).doesNotContain(id);

        // 4. The correction: a worker may not (403), the supervisor changes the urgency; the router re-targets the SLA.
        String corrected = "URGENT".equals(map(routed.get("classification")).get("urgency")) ? "NORMAL" : "URGENT";
        Map<String, Object> correction = Map.of("urgency", corrected, "reason", "水已漏到楼下电表箱");
        assertThat(handler.postForEntity("/api/v1/desk/complaints/" + id + "/classification", json(correction),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        act(supervisor, id, "classification", correction);
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> now = body(handler, "/api/v1/desk/complaints/" + id);
            assertThat(map(now.get("assignment"))).containsEntry("reason", "classification corrected");
            assertThat(map(now.get("classification"))).containsEntry("urgency", corrected);
        });

        // 5. The handler acknowledges and resolves it with a canned reply filled in for the complaint.
        act(handler, id, "acknowledge", Map.of());
        List<Map<String, Object>> replies = list(body(handler, "/api/v1/desk/replies?complaint=" + id).get("replies"));
        String canned = replies.stream().filter(r -> !"en".equals(r.get("language"))).map(r -> (String) r.get("text"))
                .findFirst().orElseThrow();
        assertThat(canned).contains(id).doesNotContain("{trackingId}");
        act(handler, id, "resolution", Map.of("text", canned));

        // 6. The resident follows the satisfaction link of the resolution mail and rates 1.
        String resolution = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> ResidentMail.containing(imapPort(), resident, id, "/satisfaction/"), m -> m != null);
        String link = ResidentMail.links(resolution).stream().filter(l -> l.contains("/satisfaction/")).findFirst()
                .orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(rest.getForEntity(link, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        LinkedMultiValueMap<String, String> score = new LinkedMultiValueMap<>();
        score.add("score", "1");
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(rest.postForEntity(link, new HttpEntity<>(score, form), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // 7. The low rating reopens it (the router) and a return visit is owed by maintenance, by nobody else.
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> now = body(handler, "/api/v1/desk/complaints/" + id);
            assertThat(now).containsEntry("satisfaction", 1);
            assertThat(map(now.get("summary"))).containsEntry("status", "REOPENED");
        });
        Map<String, Object> visit = list(body(handler, "/api/v1/desk/return-visits").get("items")).stream()
                .filter(v -> id.equals(v.get("id"))).findFirst().orElseThrow();
        assertThat(visit).containsEntry("department", "maintenance").containsEntry("reason", "LOW_SCORE")
                .containsEntry("score", 1).containsEntry("handler", "li.wei").containsEntry("residentEmail", resident);
        assertThat(ids(body(supervisor, "/api/v1/desk/return-visits"))).contains(id);
        assertThat(ids(body(otherDepartment, "/api/v1/desk/return-visits"))).doesNotContain(id);

        // 8. Already reopened, so a visit cannot reopen it again (409); the handler resolves it again, the visit
        // finds the resident still unsatisfied and reopens it; the handler then resolves it for good.
        Map<String, Object> unsatisfied = Map.of("reached", true, "satisfied", false, "notes", "住户仍不满意",
                "reopen", true);
        assertThat(handler.postForEntity("/api/v1/desk/complaints/" + id + "/return-visit", json(unsatisfied),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        act(handler, id, "resolution", Map.of("text", "已更换整段水管"));
        Map<String, Object> reopened = act(handler, id, "return-visit", unsatisfied);
        assertThat(reopened).containsEntry("event", "complaint-reopened").containsEntry("status", "REOPENED");
        assertThat(ids(body(handler, "/api/v1/desk/return-visits"))).doesNotContain(id);
        act(handler, id, "resolution", Map.of("text", "已请专业公司检修，住户确认不再漏水"));

        // 9. The dashboard (analytics, from Elasticsearch): the handler's KPIs and the walk-in channel.
        String mine = "/api/v1/analytics/dashboard?building=" + building;
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Object> dashboard = body(supervisor, mine);
            Map<String, Object> li = row(map(dashboard.get("kpis")), "handlers", "li.wei");
            assertThat(li).containsEntry("name", "李伟").containsEntry("complaints", 1).containsEntry("handled", 1);
            assertThat(((Number) li.get("reopenRatePct")).doubleValue()).isEqualTo(100.0);
            assertThat(((Number) li.get("satisfaction")).doubleValue()).isEqualTo(1.0);
            assertThat(li.get("medianFirstResponseMinutes")).isNotNull();
            assertThat(list(dashboard.get("channel"))).containsExactly(Map.of("key", "WALK_IN", "count", 1));
        });
        assertThat(list(body(supervisor, "/api/v1/analytics/dashboard").get("channel")))
                .anySatisfy(c -> assertThat(c).containsEntry("key", "WALK_IN"));
    }

    private Map<String, Object> act(TestRestTemplate as, String id, String action, Map<String, Object> body) {
        ResponseEntity<Map> done = as.postForEntity("/api/v1/desk/complaints/" + id + "/" + action, json(body), Map.class);
        assertThat(done.getStatusCode()).as(action + ": " + done.getBody()).isEqualTo(HttpStatus.OK);
        return done.getBody();
    }

    private static HttpEntity<Map<String, Object>> json(Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(Map.copyOf(body), headers);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(TestRestTemplate as, String path) {
        ResponseEntity<Map> answer = as.getForEntity(path, Map.class);
        return answer.getStatusCode().is2xxSuccessful() ? answer.getBody() : null;
    }

    private static List<Object> ids(Map<String, Object> listing) {
        return list(listing.get("items")).stream().map(i -> i.get("id")).toList();
    }

    private static Map<String, Object> row(Map<String, Object> kpis, String kind, String key) {
        return list(kpis.get(kind)).stream().filter(r -> key.equals(r.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError(key + " not in " + kpis.get(kind)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static int imapPort() {
        return EmbeddedServers.current().mail().imapPort();
    }
}
