package io.hearken.desk;

import io.hearken.events.kafka.TopicRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintSnapshot;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.ReturnVisitRecorded;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.Urgency;
import io.hearken.events.kafka.StateTopic;
import io.hearken.events.privacy.StandaloneSealing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import jakarta.servlet.http.Cookie;

/**
 * Return visits (回访, issue #18 point 3) on the real embedded Kafka: what is due by the office's rule (a low rating,
 * an urgent complaint, none after a 5), listed by department (a manager sees all), recorded once per key (the event
 * read back, its notes sealed on the topic), a visit that reopens, the console page, and a fresh desk that knows
 * what is due from complaints.state alone.
 */
class ReturnVisitsKafkaTest extends DeskTestSupport {

    private static final Actor LI_WEI = new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF);

    @Autowired
    MockMvc mvc;

    @Test
    void dueByTheRuleListedByDepartmentRecordedOnceAndReopening() throws Exception {
        Instant now = Instant.now();
        // A: rated 1 after its resolution → due (low score). B: urgent, resolved → due. C: rated 5 → none.
        // E: urgent, resolved four days ago → overdue (due within 3 days). D: cleaning's urgent one.
        ComplaintRouted a = assign(routed("maintenance", Urgency.NORMAL, "暖气不热", now));
        ComplaintRouted b = assign(routed("maintenance", Urgency.URGENT, "电梯困人", now));
        ComplaintRouted c = assign(routed("maintenance", Urgency.NORMAL, "门铃坏了", now));
        ComplaintRouted e = assign(routed("maintenance", Urgency.URGENT, "燃气味", now.minus(Duration.ofDays(5))));
        ComplaintRouted d = assign(routed("cleaning", Urgency.URGENT, "污水外溢", now));
        for (ComplaintRouted r : List.of(a, b, c)) {
            resolve("li.wei", r);
        }
        resolve("chen.jing", d);
        send(Topics.UPDATES, new ComplaintResolved(Events.newId(), e.complaintId(), now.minus(Duration.ofDays(4)),
                LI_WEI, "已关闭燃气阀并检修"));
        Instant rated = Instant.now(); // after the resolutions
        send(Topics.intake(Channel.WEB), new FeedbackGiven(Events.newId(), a.complaintId(), rated, Channel.WEB, 1,
                "还是不热"));
        send(Topics.intake(Channel.WEB), new FeedbackGiven(Events.newId(), c.complaintId(), rated, Channel.WEB, 5, null));
        await().atMost(PATIENCE).until(() -> board.find(c.complaintId()).map(x -> x.status() == ComplaintStatus.CLOSED)
                .orElse(false) && board.find(a.complaintId()).map(x -> x.satisfaction() != null).orElse(false)
                && board.find(e.complaintId()).map(x -> x.status() == ComplaintStatus.RESOLVED).orElse(false));

        // Listing: the caller's departments only; a manager all (and one department on asking).
        String mine = mvc.perform(get("/api/v1/desk/return-visits").with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ids(mine)).contains(id(a), id(b), id(e)).doesNotContain(id(c), id(d));
        assertThat(JsonPath.<List<String>>read(mine, "$.items[?(@.id == '" + id(a) + "')].reason")).containsExactly("LOW_SCORE");
        assertThat(JsonPath.<List<Integer>>read(mine, "$.items[?(@.id == '" + id(a) + "')].score")).containsExactly(1);
        assertThat(JsonPath.<List<String>>read(mine, "$.items[?(@.id == '" + id(b) + "')].reason")).containsExactly("URGENT");
        assertThat(JsonPath.<List<Boolean>>read(mine, "$.items[?(@.id == '" + id(b) + "')].overdue")).containsExactly(false);
        assertThat(JsonPath.<List<Boolean>>read(mine, "$.items[?(@.id == '" + id(e) + "')].overdue")).containsExactly(true);
        assertThat(JsonPath.<List<String>>read(mine, "$.items[?(@.id == '" + id(a) + "')].residentPhone"))
                .containsExactly("13800138000");
        String overdue = mvc.perform(get("/api/v1/desk/return-visits?overdue=true").with(httpBasic("li.wei", "demo")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ids(overdue)).contains(id(e)).doesNotContain(id(a), id(b));
        assertThat(ids(body("chen.jing", "/api/v1/desk/return-visits"))).contains(id(d)).doesNotContain(id(a), id(b), id(e));
        assertThat(ids(body("zhao.lei", "/api/v1/desk/return-visits"))).doesNotContain(id(a), id(b), id(d), id(e));
        assertThat(ids(body("liu.yang", "/api/v1/desk/return-visits"))).contains(id(a), id(b), id(d), id(e));
        assertThat(ids(body("liu.yang", "/api/v1/desk/return-visits?department=cleaning"))).contains(id(d))
                .doesNotContain(id(a));

        // Recording: another department's complaint is 404; with a key, a retry is the same action.
        mvc.perform(visit("chen.jing", a, "{\"reached\":true,\"satisfied\":true}", "k1")).andExpect(status().isNotFound());
        mvc.perform(visit("li.wei", a, "{\"satisfied\":true}", "k0")).andExpect(status().isBadRequest());
        String notes = "住户说暖气仍然不热，13911112222 晚上再联系";
        String first = mvc.perform(visit("li.wei", a, "{\"reached\":true,\"satisfied\":false,\"notes\":\"" + notes + "\"}", "k1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.event").value(ReturnVisitRecorded.TYPE))
                .andExpect(jsonPath("$.status").value("RESOLVED"))
                .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(visit("li.wei", a, "{\"reached\":true,\"satisfied\":false,\"notes\":\"" + notes + "\"}", "k1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(again, "$.eventId")).isEqualTo(JsonPath.<String>read(first, "$.eventId"));
        assertThat(ids(body("li.wei", "/api/v1/desk/return-visits"))).doesNotContain(id(a)).contains(id(b));
        List<ComplaintEvent> onKafka = updatesFor(a.complaintId(), found -> found.stream()
                .anyMatch(r -> r.value() instanceof ReturnVisitRecorded)).stream().map(r -> r.value()).toList();
        assertThat(onKafka.stream().filter(ReturnVisitRecorded.class::isInstance)).singleElement().satisfies(event -> {
            ReturnVisitRecorded v = (ReturnVisitRecorded) event;
            assertThat(v.by()).isEqualTo(LI_WEI);
            assertThat(v.reached()).isTrue();
            assertThat(v.satisfied()).isFalse();
            assertThat(v.notes()).isEqualTo(notes);
            assertThat(v.reopened()).isFalse();
        });
        // The staff's words about the resident are sealed on the topic.
        assertThat(rawUpdates(id(a), ReturnVisitRecorded.TYPE)).singleElement().satisfies(json ->
                assertThat(json).contains("\"sealed\"", "\"reached\":true").doesNotContain("暖气仍然不热", "13911112222"));

        // Reopening through the visit: the desk's usual complaint-reopened follows; not on an open complaint.
        mvc.perform(visit("li.wei", b, "{\"reached\":true,\"satisfied\":false,\"reopen\":true}", "k2"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.event").value(ComplaintReopened.TYPE))
                .andExpect(jsonPath("$.status").value("REOPENED"));
        mvc.perform(visit("li.wei", b, "{\"reached\":true,\"satisfied\":false,\"reopen\":true}", "k2"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REOPENED"));
        List<ComplaintEvent> reopened = updatesFor(b.complaintId(), found -> found.stream()
                .anyMatch(r -> r.value() instanceof ComplaintReopened)).stream().map(r -> r.value()).toList();
        assertThat(reopened.stream().filter(ReturnVisitRecorded.class::isInstance).map(x -> ((ReturnVisitRecorded) x).reopened()))
                .containsExactly(true);
        assertThat(reopened.stream().filter(ComplaintReopened.class::isInstance)).singleElement()
                .satisfies(x -> assertThat(((ComplaintReopened) x).by()).isEqualTo(LI_WEI));
        mvc.perform(visit("li.wei", b, "{\"reached\":true,\"satisfied\":false,\"reopen\":true}", "k3"))
                .andExpect(status().isConflict());
        // An open complaint that owes no visit: 409.
        ComplaintRouted open = assign(routed("maintenance", Urgency.NORMAL, "还没处理", now));
        mvc.perform(visit("li.wei", open, "{\"reached\":false}", "k4")).andExpect(status().isConflict());
    }

    @Test
    void theConsolePageListsInBothLanguagesAndItsFormRecordsOnce() throws Exception {
        ComplaintRouted f = assign(routed("security", Urgency.URGENT, "监控坏了", Instant.now()));
        resolve("zhao.lei", f);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mvc.perform(get("/desk/return-visits")
                        .with(httpBasic("zhao.lei", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("回访", id(f), "紧急工单"));
        assertThat(mvc.perform(get("/desk/return-visits?lang=en").with(httpBasic("zhao.lei", "demo")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Return visits", "Urgent complaint", id(f));
        // Signed in at the console: without the CSRF token 403, nothing published. With it, twice with the same page
        // token (a double click): one visit.
        Cookie zhao = signIn("zhao.lei");
        mvc.perform(post("/desk/complaints/" + id(f) + "/return-visit").cookie(zhao)
                .param("reached", "true").param("satisfied", "true").param("actionToken", "page-1"))
                .andExpect(status().isForbidden());
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/desk/complaints/" + id(f) + "/return-visit").cookie(zhao).with(csrf())
                            .param("reached", "true").param("satisfied", "true").param("notes", "满意").param("actionToken", "page-1"))
                    .andExpect(status().is3xxRedirection());
        }
        // Another department's complaint through the form: the desk's 404 page.
        mvc.perform(post("/desk/complaints/" + id(f) + "/return-visit").cookie(signIn("li.wei")).with(csrf())
                .param("reached", "true").param("actionToken", "page-2")).andExpect(status().isNotFound());
        List<ComplaintEvent> events = updatesFor(f.complaintId(), found -> found.stream()
                .anyMatch(r -> r.value() instanceof ReturnVisitRecorded)).stream().map(r -> r.value()).toList();
        assertThat(events.stream().filter(ReturnVisitRecorded.class::isInstance)).hasSize(1);
        assertThat(mvc.perform(get("/desk/return-visits").with(httpBasic("zhao.lei", "demo"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(id(f));
        // The history names the visit.
        assertThat(mvc.perform(get("/api/v1/desk/complaints/" + id(f)).with(httpBasic("zhao.lei", "demo")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(ReturnVisitRecorded.TYPE);
    }

    /** Only complaints.state knows this complaint (as after the event topics expired): a fresh desk lists its visit. */
    @Test
    void aFreshDeskKnowsWhatIsDueFromComplaintsState() throws Exception {
        Instant then = Instant.now().minus(Duration.ofDays(30));
        ComplaintRouted routed = routed("maintenance", Urgency.NORMAL, "屋顶漏雨", then);
        ComplaintResolved resolved = new ComplaintResolved(Events.newId(), routed.complaintId(), then.plusSeconds(3600),
                LI_WEI, "已修补");
        FeedbackGiven rated = new FeedbackGiven(Events.newId(), routed.complaintId(), then.plusSeconds(7200),
                Channel.WEB, 2, "还漏");
        ComplaintSnapshot snapshot = ComplaintSnapshot.empty(routed.complaintId()).with(routed).with(resolved).with(rated);
        var sealing = StandaloneSealing.of(EmbeddedServers.current().kafka().bootstrapServers(),
                EmbeddedServers.DEMO_MASTER_KEY);
        try (KafkaProducer<String, ComplaintSnapshot> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.current().kafka().bootstrapServers()),
                new StringSerializer(), StateTopic.serializer(sealing))) {
            producer.send(new ProducerRecord<>(Topics.STATE, id(routed), snapshot)).get();
        }
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(DeskApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("hearken.embedded.mode=test", "server.port=0", "hearken.staff.demo-accounts=true",
                        "hearken.elasticsearch.uris=http://127.0.0.1:9", "spring.mail.host=127.0.0.1")
                .run()) {
            int restartedPort = restarted.getEnvironment().getProperty("local.server.port", Integer.class);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restartedPort
                            + "/api/v1/desk/return-visits?overdue=true"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("li.wei:demo".getBytes()))
                    .build();
            await().atMost(PATIENCE).untilAsserted(() -> {
                String listed = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                assertThat(ids(listed)).contains(id(routed));
                assertThat(JsonPath.<List<String>>read(listed, "$.items[?(@.id == '" + id(routed) + "')].reason"))
                        .containsExactly("LOW_SCORE");
            });
        }
    }

    private static ComplaintRouted routed(String department, Urgency urgency, String subject, Instant at) {
        ComplaintId id = TrackingIds.next();
        ComplaintReceived received = new ComplaintReceived(Events.newId(), id, at.minusSeconds(5), Channel.WEB, "form",
                null, new Contact("张伟", "zhang.wei@example.com", "13800138000"), ResidentType.TENANT,
                new Place("2号楼", "1203", "东区", null, null, null), subject, subject + "，请尽快处理", null, "zh-CN",
                List.of(), Map.of());
        return new ComplaintRouted(Events.newId(), id, at, received,
                new ComplaintRouted.Classification("facility", urgency, 0.9, false, List.of("keyword"), List.of()),
                new ComplaintRouted.Assignment(department, 2, List.of(), at.plus(Duration.ofHours(4)),
                        at.plus(Duration.ofDays(2)), null, null),
                ComplaintRouted.Links.none());
    }

    private Cookie signIn(String user) throws Exception {
        var response = mvc.perform(post("/login").session(new MockHttpSession()).with(csrf()).param("username", user)
                .param("password", "demo")).andExpect(status().is3xxRedirection()).andReturn().getResponse();
        String value = response.getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("HEARKEN_STAFF="))
                .findFirst().orElseThrow().split(";")[0].substring("HEARKEN_STAFF=".length());
        return new Cookie("HEARKEN_STAFF", value);
    }

    private void resolve(String user, ComplaintRouted routed) throws Exception {
        mvc.perform(post("/api/v1/desk/complaints/" + id(routed) + "/resolution").with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"已处理\"}"))
                .andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.RequestBuilder visit(String user, ComplaintRouted routed,
            String body, String key) {
        return post("/api/v1/desk/complaints/" + id(routed) + "/return-visit").with(httpBasic(user, "demo"))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String body(String user, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> ids(String json) {
        return JsonPath.read(json, "$.items[*].id");
    }

    private static String id(ComplaintRouted routed) {
        return routed.complaintId().value();
    }

    /** The complaint's records of one type on complaints.updates as they are on the wire. */
    private static List<String> rawUpdates(String id, String type) {
        return await().atMost(PATIENCE).until(() -> TopicRecords.readUncommitted(
                EmbeddedServers.current().kafka().bootstrapServers(), Topics.UPDATES, new StringDeserializer()).stream()
                .filter(r -> id.equals(r.key()) && r.value().contains("\"type\":\"" + type + "\""))
                .map(ConsumerRecord::value).toList(), found -> !found.isEmpty());
    }
}
