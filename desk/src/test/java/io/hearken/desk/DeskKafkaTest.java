package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.events.ComplaintAcknowledged;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReassigned;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Events;
import io.hearken.events.ProgressNoted;
import io.hearken.events.SlaBreached;
import io.hearken.events.SlaClock;
import io.hearken.events.Topics;
import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintReopened;
import io.hearken.events.DuplicateLinked;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.InformationRequested;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import io.hearken.desk.board.ComplaintBoard;

/** The desk against the real embedded Kafka: queue from dept.* topics, actions onto complaints.updates, rebuild. */
class DeskKafkaTest extends DeskTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void theQueueIsBuiltFromTheDepartmentsAssignmentTopicAndSortedByPriority() throws Exception {
        ComplaintRouted later = assign(routed("maintenance", 4, "走廊灯不亮", "7号楼"));
        ComplaintRouted urgent = assign(routed("maintenance", 1, "水管爆裂", "7号楼"));

        mvc.perform(get("/api/v1/desk/queue").param("building", "7号楼").with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(urgent.complaintId().value()))
                .andExpect(jsonPath("$.items[1].id").value(later.complaintId().value()))
                .andExpect(jsonPath("$.items[0].status").value("ASSIGNED"))
                .andExpect(jsonPath("$.items[0].dueClock").value("FIRST_RESPONSE"))
                .andExpect(jsonPath("$.items[0].secondsLeft").isNumber());
        // The department sees the resident's contact in clear.
        mvc.perform(get("/api/v1/desk/complaints/" + urgent.complaintId()).with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.phone").value("13800138000"))
                .andExpect(jsonPath("$.description").value("水管爆裂，请尽快处理"));
    }

    @Test
    void eachActionIsOneEventOnComplaintsUpdatesWithTheActorAndTheKey() throws Exception {
        ComplaintRouted routed = assign(routed("maintenance", 2, "暖气不热", "9号楼"));
        String id = routed.complaintId().value();

        mvc.perform(post("/api/v1/desk/complaints/" + id + "/acknowledge").with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.event").value(ComplaintAcknowledged.TYPE));
        mvc.perform(post("/api/v1/desk/complaints/" + id + "/notes").with(httpBasic("li.wei", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"师傅下午两点上门\",\"visibleToResident\":true}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/desk/complaints/" + id + "/resolution").with(httpBasic("li.wei", "demo"))
                        .header("Idempotency-Key", "r-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"已更换阀门\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"));
        // A retry with the same key publishes nothing new.
        mvc.perform(post("/api/v1/desk/complaints/" + id + "/resolution").with(httpBasic("li.wei", "demo"))
                        .header("Idempotency-Key", "r-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"已更换阀门\"}"))
                .andExpect(status().isOk());

        List<ConsumerRecord<String, ComplaintEvent>> records = updatesFor(routed.complaintId(), found -> found.size() >= 3);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(id);
        List<ComplaintEvent> events = records.stream().map(ConsumerRecord::value).toList();
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(ComplaintAcknowledged.class, ack -> {
            assertThat(ack.by()).isEqualTo(new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF));
            assertThat(ack.at()).isAfterOrEqualTo(routed.at());
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(ProgressNoted.class, note -> {
            assertThat(note.note()).isEqualTo("师傅下午两点上门");
            assertThat(note.visibleToResident()).isTrue();
        });
        assertThat(events.get(2)).isInstanceOfSatisfying(ComplaintResolved.class,
                r -> assertThat(r.resolution()).isEqualTo("已更换阀门"));
    }

    @Test
    void aReassignmentIsPublishedAndTheRoutersReroutingMovesTheComplaint() throws Exception {
        ComplaintRouted routed = assign(routed("maintenance", 3, "楼道有垃圾", "2号楼"));
        String id = routed.complaintId().value();
        mvc.perform(post("/api/v1/desk/complaints/" + id + "/reassignment").with(httpBasic("li.wei", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toDepartment\":\"cleaning\",\"reason\":\"属于保洁\"}"))
                .andExpect(status().isOk());
        ComplaintReassigned reassigned = (ComplaintReassigned) updatesFor(routed.complaintId(), f -> !f.isEmpty())
                .get(0).value();
        assertThat(reassigned.fromDepartment()).isEqualTo("maintenance");
        assertThat(reassigned.toDepartment()).isEqualTo("cleaning");
        assertThat(reassigned.reason()).isEqualTo("属于保洁");
        assertThat(reassigned.by()).isEqualTo(new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF));
        mvc.perform(get("/api/v1/desk/complaints/" + id).with(httpBasic("li.wei", "demo")))
                .andExpect(status().isNotFound());

        // What the router does with it: a new ComplaintRouted on the new department's topic.
        ComplaintRouted rerouted = new ComplaintRouted(Events.newId(), routed.complaintId(), java.time.Instant.now(),
                routed.complaint(), routed.classification(), new ComplaintRouted.Assignment("cleaning", 3, List.of(),
                        null, null, "maintenance", "属于保洁"), routed.links());
        send(Topics.assignments("cleaning"), rerouted);
        await().atMost(PATIENCE).untilAsserted(() ->
                mvc.perform(get("/api/v1/desk/queue").with(httpBasic("chen.jing", "demo")))
                        .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].status").value("ASSIGNED")));
    }

    @Test
    void theRoutersSlaEventsShowInTheQueue() throws Exception {
        ComplaintRouted routed = assign(routed("security", 2, "门禁坏了", "4号楼"));
        send(Topics.UPDATES, new SlaBreached(Events.newId(), routed.complaintId(), java.time.Instant.now(),
                SlaClock.FIRST_RESPONSE, routed.assignment().firstResponseDue(), "security"));
        await().atMost(PATIENCE).untilAsserted(() ->
                mvc.perform(get("/api/v1/desk/queue").with(httpBasic("zhao.lei", "demo")))
                        .andExpect(jsonPath("$.items[?(@.id == '" + routed.complaintId() + "')].slaBreached").value(true)));
    }

    @Test
    void aFreshDeskRebuildsItsViewFromTheTopics() throws Exception {
        ComplaintRouted routed = assign(routed("cleaning", 2, "绿化带垃圾", "6号楼"));
        mvc.perform(post("/api/v1/desk/complaints/" + routed.complaintId() + "/acknowledge")
                .with(httpBasic("chen.jing", "demo"))).andExpect(status().isOk());

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(DeskApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("hearken.embedded.mode=test", "server.port=0",
                        "hearken.elasticsearch.uris=http://127.0.0.1:9", "spring.mail.host=127.0.0.1")
                .run()) {
            ComplaintBoard rebuilt = restarted.getBean(ComplaintBoard.class);
            assertThat(rebuilt).isNotSameAs(board);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(rebuilt.find(routed.complaintId()))
                    .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED)));
        }
    }

    @Test
    void askingTheResidentPausesTheSlaClockAndTheirReplyStartsItAgain() throws Exception {
        ComplaintRouted routed = assign(routed("maintenance", 2, "窗户漏风", "11号楼"));
        String id = routed.complaintId().value();
        Instant before = Instant.now();
        mvc.perform(post("/api/v1/desk/complaints/" + id + "/information-requests").with(httpBasic("li.wei", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"question\":\"请问是哪个房间的窗户？\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.event").value(InformationRequested.TYPE))
                .andExpect(jsonPath("$.status").value("WAITING_ON_RESIDENT"));
        String item = "$.items[?(@.id == '" + id + "')]";
        String queue = mvc.perform(get("/api/v1/desk/queue").with(httpBasic("li.wei", "demo")))
                .andReturn().getResponse().getContentAsString();
        List<java.util.Map<String, Object>> paused = com.jayway.jsonpath.JsonPath.read(queue, item);
        assertThat(paused).singleElement().satisfies(row -> {
            assertThat(row.get("slaPaused")).isEqualTo(true);
            assertThat(row.get("due")).isNull();          // no countdown while the clock stands still
            assertThat(row.get("secondsLeft")).isNull();
        });
        InformationRequested asked = (InformationRequested) updatesFor(routed.complaintId(), f -> !f.isEmpty()).get(0).value();
        assertThat(asked.question()).isEqualTo("请问是哪个房间的窗户？");
        assertThat(asked.by()).isEqualTo(new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF));
        assertThat(asked.at()).isBetween(before, Instant.now());

        // The resident answers by mail: the clock runs again and the countdown is back.
        send(Topics.INTAKE_EMAIL, new FollowUpReceived(Events.newId(), routed.complaintId(), Instant.now(), Channel.EMAIL,
                "<reply-1@example.com>", "references", "卧室的窗户", List.of()));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/v1/desk/queue").with(httpBasic("li.wei", "demo")))
                .andExpect(jsonPath(item + ".status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath(item + ".slaPaused").value(false))
                .andExpect(jsonPath(item + ".dueClock").value("RESOLUTION")));
    }

    @Test
    void aSupervisorReopensAndEscalatesAndStaffLinkADuplicateEachAsOneEventWithWhoAndWhen() throws Exception {
        ComplaintRouted master = assign(routed("maintenance", 2, "3单元电梯停运", "10号楼"));
        ComplaintRouted routed = assign(routed("maintenance", 2, "电梯又停了", "10号楼"));
        String id = routed.complaintId().value();
        String path = "/api/v1/desk/complaints/" + id;
        Instant before = Instant.now();

        mvc.perform(post(path + "/duplicate").with(httpBasic("li.wei", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"master\":\"HK-2222-2222\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("没有编号为 HK-2222-2222 的工单。"));
        mvc.perform(post(path + "/duplicate").with(httpBasic("li.wei", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"master\":\"" + master.complaintId() + "\",\"merged\":true}")).andExpect(status().isOk());
        mvc.perform(post(path + "/resolution").with(httpBasic("li.wei", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"随主工单一并修复\"}")).andExpect(status().isOk());
        String reopen = "{\"reason\":\"住户反映仍未修好\"}";
        mvc.perform(post(path + "/reopen").with(httpBasic("li.wei", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(reopen)).andExpect(status().isForbidden());
        mvc.perform(post(path + "/reopen").with(httpBasic("wang.fang", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(reopen)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REOPENED"));
        mvc.perform(post(path + "/escalation").with(httpBasic("wang.fang", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\":\"MANAGEMENT\",\"reason\":\"一周内第三次\"}")).andExpect(status().isOk());
        mvc.perform(get(path).with(httpBasic("li.wei", "demo")))
                .andExpect(jsonPath("$.summary.duplicateOf").value(master.complaintId().value()))
                .andExpect(jsonPath("$.summary.escalation").value("MANAGEMENT"));

        List<ComplaintEvent> events = updatesFor(routed.complaintId(), f -> f.size() >= 4).stream()
                .map(ConsumerRecord::value).toList();
        assertThat(events).hasSize(4);
        Actor staff = new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF);
        Actor supervisor = new Actor("wang.fang", "王芳", "maintenance", Actor.Role.SUPERVISOR);
        assertThat(events.get(0)).isInstanceOfSatisfying(DuplicateLinked.class, d -> {
            assertThat(d.master()).isEqualTo(master.complaintId());
            assertThat(d.merged()).isTrue();
            assertThat(d.by()).isEqualTo(staff);
        });
        assertThat(events.get(1)).isInstanceOf(ComplaintResolved.class);
        assertThat(events.get(2)).isInstanceOfSatisfying(ComplaintReopened.class, r -> {
            assertThat(r.reason()).isEqualTo("住户反映仍未修好");
            assertThat(r.by()).isEqualTo(supervisor);
        });
        assertThat(events.get(3)).isInstanceOfSatisfying(ComplaintEscalated.class, e -> {
            assertThat(e.level()).isEqualTo(ComplaintEscalated.Level.MANAGEMENT);
            assertThat(e.department()).isEqualTo("maintenance");
            assertThat(e.by()).isEqualTo(supervisor);
        });
        assertThat(events).allSatisfy(e -> assertThat(e.at()).isBetween(before, Instant.now()));
    }

    @Test
    void aReassignmentNeedsAKnownDepartmentAndARetryAnswersTheSame() throws Exception {
        ComplaintRouted routed = assign(routed("maintenance", 3, "车位被占", "1号楼"));
        String path = "/api/v1/desk/complaints/" + routed.complaintId() + "/reassignment";
        mvc.perform(post(path).with(httpBasic("li.wei", "demo")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"toDepartment\":\"parking\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("There is no department parking.")));
        String body = "{\"toDepartment\":\"security\",\"reason\":\"车辆管理归安保\"}";
        String first = mvc.perform(post(path).with(httpBasic("li.wei", "demo")).header("Idempotency-Key", "move-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // Out of li.wei's queue now, yet the retry of the same action is answered, not refused.
        mvc.perform(post(path).with(httpBasic("li.wei", "demo")).header("Idempotency-Key", "move-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventId").value(com.jayway.jsonpath.JsonPath.<String>read(first, "$.eventId")));
        assertThat(updatesFor(routed.complaintId(), f -> !f.isEmpty())).hasSize(1);
    }

    /**
     * The console's forms carry the page's action token: the same form posted twice (a double click, the browser
     * resending after a lost answer) is one event; the same page used again with other words is a second one.
     */
    @Test
    void aConsoleFormPostedTwiceIsOneActionAndTheSamePageWithOtherWordsIsAnother() throws Exception {
        ComplaintRouted routed = assign(routed("maintenance", 3, "楼道窗户坏了", "6号楼"));
        String path = "/desk/complaints/" + routed.complaintId() + "/notes";
        String page = mvc.perform(get("/desk/complaints/" + routed.complaintId()).with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"actionToken\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the page's forms carry a token").isTrue();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(path).with(httpBasic("li.wei", "demo")).with(org.springframework.security.test.web.servlet
                            .request.SecurityMockMvcRequestPostProcessors.csrf())
                    .param("actionToken", token.group(1)).param("text", "明天上午来修").param("visibleToResident", "true"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post(path).with(httpBasic("li.wei", "demo")).with(org.springframework.security.test.web.servlet
                        .request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("actionToken", token.group(1)).param("text", "玻璃已订购").param("visibleToResident", "true"))
                .andExpect(status().is3xxRedirection());

        List<ConsumerRecord<String, ComplaintEvent>> notes = updatesFor(routed.complaintId(), f -> f.size() >= 2);
        assertThat(notes).extracting(ConsumerRecord::value).hasSize(2)
                .allMatch(e -> e instanceof ProgressNoted)
                .extracting(e -> ((ProgressNoted) e).note()).containsExactly("明天上午来修", "玻璃已订购");
    }
}
