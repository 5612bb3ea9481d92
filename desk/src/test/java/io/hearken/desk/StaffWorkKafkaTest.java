package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.Actor;
import io.hearken.events.Channel;
import io.hearken.events.ClassificationCorrected;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.HandlerAssigned;
import io.hearken.events.Topics;
import io.hearken.events.Urgency;
import io.hearken.events.kafka.EventWireFormatAutoConfiguration;
import io.hearken.events.privacy.StandaloneSealing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #18 at the desk, on the real embedded Kafka: a complaint staff enter (walk-in, letter, …) on intake.desk
 * with the staff member as its actor and the resident sealed; a named handler; a supervisor's corrected
 * classification. Each with its rules (who may, which department), idempotency and the event read back from Kafka.
 */
class StaffWorkKafkaTest extends DeskTestSupport {

    @Autowired
    MockMvc mvc;

    static final String WALK_IN = """
            {"channel":"walk-in","name":"王小明","email":"wang.xiaoming@example.com","phone":"13911112222",
             "residentType":"owner","building":"5号楼","unit":"301","subject":"楼道灯不亮",
             "description":"五号楼三楼楼道灯坏了一周","language":"zh-CN"}""";

    @Test
    void staffEnterAComplaintOnIntakeDeskAsTheActorWithTheResidentSealed() throws Exception {
        // Bean validation: each field named, the channel's message lists the allowed values.
        mvc.perform(post("/api/v1/desk/complaints").with(httpBasic("alex.morgan", "demo"))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"fax\",\"email\":\"not-an-address\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "channel", "email", "description")))
                .andExpect(jsonPath("$.errors[?(@.field=='channel')].message").value(hasItem(containsString("walk-in"))));
        // A resident's own channels are not the desk's to enter.
        mvc.perform(post("/api/v1/desk/complaints").with(httpBasic("alex.morgan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(WALK_IN.replace("walk-in", "web")))
                .andExpect(status().isBadRequest());

        String key = "entry-" + System.nanoTime();
        String id = JsonMapper.builder().build().readTree(mvc.perform(post("/api/v1/desk/complaints")
                        .with(httpBasic("alex.morgan", "demo")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(WALK_IN))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.channel").value("walk-in"))
                .andReturn().getResponse().getContentAsString()).path("id").asString();
        assertThat(id).matches("HK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        // A retry answers the same complaint and publishes nothing new; the key with other content is refused.
        mvc.perform(post("/api/v1/desk/complaints").with(httpBasic("alex.morgan", "demo")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(WALK_IN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id))
                .andExpect(header().string("Idempotent-Replayed", "true"));
        mvc.perform(post("/api/v1/desk/complaints").with(httpBasic("alex.morgan", "demo")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(WALK_IN.replace("一周", "两周")))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.type").value(containsString("key-reused")));

        List<String> raw = rawIntakeDesk(id, 1);
        assertThat(raw).singleElement().satisfies(json -> {
            // The resident's fields are sealed on the topic; the public ones and the staff member are not.
            assertThat(json).contains("\"channel\":\"WALK_IN\"", "\"via\":\"desk\"", "\"sealed\"",
                    "\"by\":{\"id\":\"alex.morgan\"", "5号楼")
                    .doesNotContain("王小明", "wang.xiaoming@example.com", "13911112222", "一周", "楼道灯不亮");
            ComplaintReceived opened = (ComplaintReceived) EventWireFormatAutoConfiguration.deserializer(sealing())
                    .deserialize(Topics.INTAKE_DESK, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(opened.contact().name()).isEqualTo("王小明");
            assertThat(opened.channel()).isEqualTo(Channel.WALK_IN);
            assertThat(opened.by()).isEqualTo(new Actor("alex.morgan", "Alex Morgan", "customer-service", Actor.Role.STAFF));
            assertThat(opened.description()).isEqualTo("五号楼三楼楼道灯坏了一周");
        });
    }

    @Test
    void aSupervisorNamesAHandlerOfTheDepartmentAndTheQueueFiltersByIt() throws Exception {
        ComplaintRouted routed = assign(routed("maintenance", 2, "水龙头滴水", "8号楼"));
        String id = routed.complaintId().value();
        String path = "/api/v1/desk/complaints/" + id + "/assignee";

        mvc.perform(post(path).with(httpBasic("li.wei", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"person\":\"wang.fang\"}")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(containsString("handler-self-only")));
        mvc.perform(post(path).with(httpBasic("wang.fang", "demo")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"person\":\"chen.jing\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("chen.jing is not in department maintenance: only its people may handle its complaints."));
        mvc.perform(post(path).with(httpBasic("wang.fang", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"person\":\"no.body\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(containsString("unknown-person")));
        // Another department's complaint is not there at all.
        mvc.perform(post(path).with(httpBasic("chen.jing", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"person\":\"me\"}")).andExpect(status().isNotFound());

        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post(path).with(httpBasic("wang.fang", "demo")).header("Idempotency-Key", "name-li")
                            .contentType(MediaType.APPLICATION_JSON).content("{\"person\":\"li.wei\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.event").value(HandlerAssigned.TYPE));
        }
        mvc.perform(post(path).with(httpBasic("wang.fang", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"person\":\"li.wei\"}")).andExpect(status().isConflict());

        mvc.perform(get("/api/v1/desk/queue").param("assignee", "me").with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(hasItem(id)))
                .andExpect(jsonPath("$.items[?(@.id=='" + id + "')].handlerName").value(hasItem("李伟")));
        mvc.perform(get("/api/v1/desk/queue").param("assignee", "li.wei").with(httpBasic("wang.fang", "demo")))
                .andExpect(jsonPath("$.items[*].handler").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("li.wei"))))
                .andExpect(jsonPath("$.items[*].id").value(hasItem(id)));
        mvc.perform(get("/api/v1/desk/queue").param("assignee", "me").with(httpBasic("wang.fang", "demo")))
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem(id))));
        // "Mine" in the console.
        String mine = mvc.perform(get("/desk").param("assignee", "me").with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(mine).contains(id).contains("指定给我的工单");

        List<ComplaintEvent> events = updatesFor(routed.complaintId(), f -> !f.isEmpty()).stream().map(r -> r.value()).toList();
        assertThat(events).singleElement().isInstanceOfSatisfying(HandlerAssigned.class, h -> {
            assertThat(h.handler()).isEqualTo(new Actor("li.wei", "李伟", "maintenance", Actor.Role.STAFF));
            assertThat(h.by().id()).isEqualTo("wang.fang");
        });

        // Handed to another department: the handler of the old one goes with it.
        mvc.perform(post("/api/v1/desk/complaints/" + id + "/reassignment").with(httpBasic("li.wei", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"toDepartment\":\"cleaning\",\"reason\":\"保洁的\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/desk/complaints/" + id).with(httpBasic("liu.yang", "demo")))
                .andExpect(jsonPath("$.summary.handler").doesNotExist());
    }

    @Test
    void aSupervisorCorrectsCategoryAndUrgencyAndTheEventCarriesTheOldAndNewValues() throws Exception {
        ComplaintRouted routed = assign(routed("maintenance", 3, "电梯异响", "6号楼"));
        String id = routed.complaintId().value();
        String path = "/api/v1/desk/complaints/" + id + "/classification";
        String body = "{\"category\":\"safety\",\"urgency\":\"URGENT\",\"reason\":\"其实是电梯门夹人\"}";

        mvc.perform(post(path).with(httpBasic("li.wei", "demo")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).with(httpBasic("chen.jing", "demo")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post(path).with(httpBasic("wang.fang", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\":\"no-such-thing\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(containsString("unknown-category")));
        mvc.perform(post(path).with(httpBasic("wang.fang", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"urgency\":\"SOON\"}")).andExpect(status().isBadRequest());
        mvc.perform(post(path).with(httpBasic("wang.fang", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\":\"elevator\",\"urgency\":\"NORMAL\"}")).andExpect(status().isConflict());
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post(path).with(httpBasic("wang.fang", "demo")).header("Idempotency-Key", "fix-1")
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.event").value(ClassificationCorrected.TYPE));
        }
        // Shown at once, before the router's corrected routing.
        mvc.perform(get("/api/v1/desk/complaints/" + id).with(httpBasic("li.wei", "demo")))
                .andExpect(jsonPath("$.classification.category").value("safety"))
                .andExpect(jsonPath("$.classification.urgency").value("URGENT"))
                .andExpect(jsonPath("$.summary.urgency").value("URGENT"));

        List<ComplaintEvent> events = updatesFor(routed.complaintId(), f -> !f.isEmpty()).stream().map(r -> r.value()).toList();
        assertThat(events).singleElement().isInstanceOfSatisfying(ClassificationCorrected.class, c -> {
            assertThat(c.fromCategory()).isEqualTo("elevator");
            assertThat(c.toCategory()).isEqualTo("safety");
            assertThat(c.fromUrgency()).isEqualTo(Urgency.NORMAL);
            assertThat(c.toUrgency()).isEqualTo(Urgency.URGENT);
            assertThat(c.reason()).isEqualTo("其实是电梯门夹人");
            assertThat(c.by().id()).isEqualTo("wang.fang");
        });
    }

    private static io.hearken.events.privacy.Sealing sealing() {
        return StandaloneSealing.of(EmbeddedServers.current().kafka().bootstrapServers(), EmbeddedServers.DEMO_MASTER_KEY);
    }


    @Test
    void theConsoleFormEntersALetterOnceWhateverTheDoubleClicksAndShowsWhatIsWrong() throws Exception {
        String page = mvc.perform(get("/desk/complaints/new").with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("录入投诉", "name=\"_csrf\"", "name=\"actionToken\"", "来信", "巡查发现");
        assertThat(mvc.perform(get("/desk/complaints/new").param("lang", "en").with(httpBasic("li.wei", "demo")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Enter a complaint", "Notice board");

        String id = null;
        for (int click = 0; click < 2; click++) {
            var result = mvc.perform(post("/desk/complaints").with(httpBasic("li.wei", "demo")).with(csrf())
                            .param("actionToken", "page-1").param("channel", "letter").param("name", "李奶奶")
                            .param("building", "2号楼").param("description", "来信反映二号楼门禁坏了")
                            .param("phone", "").param("residentType", "").param("email", ""))
                    .andExpect(status().is3xxRedirection()).andReturn();
            String done = String.valueOf(result.getFlashMap().get("done"));
            assertThat(done).contains("来信");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("HK-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(done);
            assertThat(m.find()).isTrue();
            assertThat(id == null || id.equals(m.group())).as("the second click names the same complaint").isTrue();
            id = m.group();
        }
        assertThat(rawIntakeDesk(id, 1)).singleElement().asString().contains("\"channel\":\"LETTER\"",
                "\"by\":{\"id\":\"li.wei\"").doesNotContain("李奶奶");

        String refused = mvc.perform(post("/desk/complaints").with(httpBasic("li.wei", "demo")).with(csrf())
                        .param("actionToken", "page-2").param("channel", "fax").param("email", "nope"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"errors\"", "渠道", "walk-in", "居民邮箱");
        // Each message is tied to its field, for a screen reader.
        assertThat(refused).contains("id=\"error-email\"", "aria-describedby=\"error-email\"", "aria-invalid=\"true\"");
    }
}
