package io.hearken.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.hearken.readmodel.Indices;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.ResidentType;
import io.hearken.events.TrackingIds;
import io.hearken.events.privacy.PersonalData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publish-then-confirm against the real embedded Kafka and Elasticsearch: every accepted submission is read
 * back from {@code intake.web}; Open311 in JSON and XML; follow-ups on complaints in the read model.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.web.rate-limit.capacity=1000",
        "hearken.web.attachments-dir=target/flow-attachments", "hearken.privacy.secret=flow-test-secret",
        "hearken.web.open311.api-keys=demo"})
@AutoConfigureMockMvc
class WebIntakeFlowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void aBusinessOnThePremisesSaysSoAndTheEventCarriesIt() throws Exception {
        String body = mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"王老板","phone":"139 1111 2222","residentType":"business","building":"商业街",
                         "subject":"门前路面塌陷","description":"店门口路面塌陷，影响营业","consent":true}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        ComplaintReceived received = (ComplaintReceived) IntakeTopicReader.eventsFor(bootstrap, id).get(0);
        assertThat(received.residentType()).isEqualTo(ResidentType.BUSINESS);
    }

    @Test
    void aRestComplaintIsOnIntakeWebWhenItsIdIsReturned() throws Exception {
        String body = mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"张伟","email":"zhang.wei@example.com","phone":"138 1234 5678","residentType":"tenant",
                         "building":"3号楼","unit":"1203","subject":"电梯故障","description":"三号楼电梯困人",
                         "categoryHint":"facility","language":"zh-CN","consent":true}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        List<ComplaintEvent> events = IntakeTopicReader.eventsFor(bootstrap, id);
        assertThat(events).hasSize(1);
        ComplaintReceived received = (ComplaintReceived) events.get(0);
        assertThat(received.channel()).isEqualTo(Channel.WEB);
        assertThat(received.via()).isEqualTo("api");
        assertThat(received.contact().email()).isEqualTo("zhang.wei@example.com");
        assertThat(received.residentType()).isEqualTo(ResidentType.TENANT);
        assertThat(received.place().building()).isEqualTo("3号楼");
        assertThat(received.place().unit()).isEqualTo("1203");
        assertThat(received.description()).isEqualTo("三号楼电梯困人");
        assertThat(received.categoryHint()).isEqualTo("facility");
        assertThat(received.details()).containsEntry("consent", "given");
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameIdAndOneEvent() throws Exception {
        String request = "{\"email\":\"li.na@example.com\",\"description\":\"楼下装修噪音太大\"}";
        String first = mvc.perform(post("/api/v1/complaints").header("Idempotency-Key", "retry-me-1")
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post("/api/v1/complaints").header("Idempotency-Key", "retry-me-1")
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(first).get("id").asString();
        assertThat(json.readTree(second).get("id").asString()).isEqualTo(id);
        assertThat(IntakeTopicReader.eventsFor(bootstrap, id)).hasSize(1)
                .allSatisfy(e -> assertThat(((ComplaintReceived) e).sourceRef()).isEqualTo("api:retry-me-1"));

        // The same key with another complaint is a client error, not a silent replay.
        mvc.perform(post("/api/v1/complaints").header("Idempotency-Key", "retry-me-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"li.na@example.com\",\"description\":\"另一件事\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:hearken:problem:idempotency-key-reused"));
    }

    @Test
    void aFormWithAPictureIsPublishedWithTheStoredFileAndADoubleSubmitMakesOneComplaint() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        var file = new MockMultipartFile("attachments", "漏水.png", "application/octet-stream", png);
        var submit = multipart("/").file(file).param("name", "王芳").param("phone", "13900001111")
                .param("residentType", "owner").param("building", "5号楼").param("unit", "402")
                .param("description", "卫生间天花板漏水").param("consent", "true").param("formToken", "form-token-42");
        String page = mvc.perform(submit).andExpect(status().isOk())
                .andExpect(content().string(containsString("投诉已受理")))
                .andReturn().getResponse().getContentAsString();
        String id = page.replaceAll("(?s).*id=\"tracking-id\">(HK-[A-Z0-9-]{9})<.*", "$1");
        assertThat(id).matches("HK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

        String again = mvc.perform(multipart("/").file(file).param("name", "王芳").param("phone", "13900001111")
                        .param("residentType", "owner").param("building", "5号楼").param("unit", "402")
                        .param("description", "卫生间天花板漏水").param("consent", "true")
                        .param("formToken", "form-token-42"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains(id);

        List<ComplaintEvent> events = IntakeTopicReader.eventsFor(bootstrap, id);
        assertThat(events).hasSize(1);
        ComplaintReceived received = (ComplaintReceived) events.get(0);
        assertThat(received.via()).isEqualTo("form");
        assertThat(received.attachments()).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.fileName()).isEqualTo("漏水.png");
            assertThat(a.size()).isEqualTo(png.length);
            assertThat(Files.readAllBytes(Path.of(java.net.URI.create(a.location())))).isEqualTo(png);
        });
    }

    @Test
    void open311ServicesComeFromTheTaxonomyInJsonAndXml() throws Exception {
        mvc.perform(get("/open311/v2/services.json").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_code").value("facility"))
                .andExpect(jsonPath("$[0].service_name").value("Facility fault / repair"))
                .andExpect(jsonPath("$[0].metadata").value(false));
        mvc.perform(get("/open311/v2/services.xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(content().string(containsString(
                        "<service><service_code>facility</service_code><service_name>设施故障/报修</service_name>")));
        mvc.perform(get("/open311/v2/services/noise.xml"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<service_definition><service_code>noise</service_code>")));
        mvc.perform(get("/open311/v2/services/nope.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
    }

    @Test
    void anOpen311RequestIsPublishedWithItsCoordinatesAndAnsweredInXml() throws Exception {
        String xml = mvc.perform(post("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", "demo").param("service_code", "environment").param("lat", "31.2304")
                        .param("long", "121.4737").param("address_string", "人民广场东侧")
                        .param("email", "reporter@example.com").param("first_name", "Ming").param("last_name", "Li")
                        .param("description", "垃圾桶满了没人清理").param("device_id", "fms-1")
                        .param("attribute[WHISPER]", "yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<service_requests><request><service_request_id>HK-")))
                .andReturn().getResponse().getContentAsString();
        String id = xml.replaceAll("(?s).*<service_request_id>(HK-[A-Z0-9-]{9})</service_request_id>.*", "$1");

        ComplaintReceived received = (ComplaintReceived) IntakeTopicReader.eventsFor(bootstrap, id).get(0);
        assertThat(received.channel()).isEqualTo(Channel.OPEN311);
        assertThat(received.via()).isEqualTo("open311");
        assertThat(received.place().latitude()).isEqualTo(31.2304);
        assertThat(received.place().longitude()).isEqualTo(121.4737);
        assertThat(received.place().address()).isEqualTo("人民广场东侧");
        assertThat(received.contact().name()).isEqualTo("Ming Li");
        assertThat(received.categoryHint()).isEqualTo("environment");
        assertThat(received.details()).containsEntry("open311.device_id", "fms-1")
                .containsEntry("open311.attribute[WHISPER]", "yes");
    }

    @Test
    void open311RefusesABadKeyInTheSpecsErrorFormat() throws Exception {
        mvc.perform(post("/open311/v2/requests.json").param("api_key", "wrong").param("service_code", "noise")
                        .param("lat", "31").param("long", "121"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403))
                .andExpect(jsonPath("$[0].description").value(containsString("api_key")));
        mvc.perform(post("/open311/v2/requests.xml").param("api_key", "demo").param("service_code", "noise"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<errors><error><code>400</code><description>")));
    }

    @Test
    void open311ListsRecentRequestsWithFiltersAndTheNinetyDayWindow() throws Exception {
        String recent = TrackingIds.next().value();
        String old = TrackingIds.next().value();
        String resolved = TrackingIds.next().value();
        index(recent, "assigned", "OPEN311", "noise", Instant.now().minusSeconds(3600), "h1");
        index(old, "assigned", "OPEN311", "noise", Instant.now().minus(Duration.ofDays(100)), "h2");
        index(resolved, "resolved", "OPEN311", "pests", Instant.now().minusSeconds(7200), "h3");

        String all = mvc.perform(get("/open311/v2/requests.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(all).contains(recent, resolved).doesNotContain(old);

        mvc.perform(get("/open311/v2/requests.json").param("status", "closed").param("service_code", "pests"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.service_request_id=='" + resolved + "')].status").value(
                        org.hamcrest.Matchers.hasItem("closed")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(recent))));

        String start = Instant.now().minus(Duration.ofDays(110)).toString();
        String end = Instant.now().minus(Duration.ofDays(95)).toString();
        mvc.perform(get("/open311/v2/requests.xml").param("start_date", start).param("end_date", end))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<service_request_id>" + old + "</service_request_id>")));

        mvc.perform(get("/open311/v2/requests.json").param("start_date", "2026-01-01T00:00:00Z")
                        .param("end_date", "2026-06-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("90 days")));

        mvc.perform(get("/open311/v2/requests/" + recent + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(recent))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].service_code").value("noise"));
    }

    @Test
    void open311ByIdIgnoresTheWindowAndShowsOnlyItsOwnReportsText() throws Exception {
        String old = TrackingIds.next().value();
        String web = TrackingIds.next().value();
        index(old, "resolved", "OPEN311", "noise", Instant.now().minus(Duration.ofDays(200)), "h4",
                Map.of("lat", 31.2304, "lon", 121.4737));
        index(web, "assigned", "WEB", "facility", Instant.now().minusSeconds(60), "h5", null);

        // service_request_id overrides every other parameter (the spec), so old requests keep their updates.
        mvc.perform(get("/open311/v2/requests.json").param("service_request_id", old + "," + web)
                        .param("status", "open").param("start_date", Instant.now().minusSeconds(10).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.service_request_id=='" + old + "')].status").value(
                        org.hamcrest.Matchers.hasItem("closed")))
                .andExpect(jsonPath("$[?(@.service_request_id=='" + old + "')].lat").value(
                        org.hamcrest.Matchers.hasItem(31.2304)))
                .andExpect(jsonPath("$[?(@.service_request_id=='" + old + "')].description").value(
                        org.hamcrest.Matchers.hasItem("description of " + old)))
                .andExpect(jsonPath("$[?(@.service_request_id=='" + web + "')].status").value(
                        org.hamcrest.Matchers.hasItem("open")));
        // A web resident's complaint is not public: its state by id, never its text or place.
        mvc.perform(get("/open311/v2/requests/" + web + ".xml"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<service_request_id>" + web + "</service_request_id>")))
                .andExpect(content().string(containsString("<description/>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("description of " + web))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("1号楼"))));
        // An unknown jurisdiction is the spec's error too.
        mvc.perform(get("/open311/v2/requests.json").param("jurisdiction_id", "elsewhere"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
    }

    @Test
    void theStatusApiShowsTheResidentsTextOnlyToTheResident() throws Exception {
        String id = TrackingIds.next().value();
        index(id, "assigned", "WEB", "facility", Instant.now(),
                new PersonalData("flow-test-secret").hash("owner@example.com"), null);
        mvc.perform(get("/api/v1/complaints/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("maintenance"))
                .andExpect(jsonPath("$.description").doesNotExist());
        mvc.perform(get("/api/v1/complaints/" + id).header("Hearken-Contact", "Owner@Example.com"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("description of " + id));
        mvc.perform(get("/api/v1/complaints/" + id).header("Hearken-Contact", "thief@example.com"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aResidentCommentsAndRatesTheirOwnComplaint() throws Exception {
        String open = TrackingIds.next().value();
        String done = TrackingIds.next().value();
        String hash = new PersonalData("flow-test-secret").hash("resident@example.com");
        index(open, "acknowledged", "WEB", "facility", Instant.now(), hash);
        index(done, "resolved", "WEB", "facility", Instant.now(), hash);

        mvc.perform(post("/api/v1/complaints/" + open + "/comments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact\":\"Resident@Example.com\",\"text\":\"今天又坏了\"}"))
                .andExpect(status().isAccepted());
        mvc.perform(post("/api/v1/complaints/" + open + "/comments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact\":\"someone.else@example.com\",\"text\":\"冒充\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/complaints/" + open + "/feedback").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact\":\"resident@example.com\",\"score\":5}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/complaints/" + done + "/feedback").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact\":\"resident@example.com\",\"score\":2,\"comment\":\"还是漏\"}"))
                .andExpect(status().isAccepted());

        assertThat(IntakeTopicReader.eventsFor(bootstrap, open)).singleElement()
                .isInstanceOfSatisfying(FollowUpReceived.class, f -> {
                    assertThat(f.text()).isEqualTo("今天又坏了");
                    assertThat(f.matchedBy()).isEqualTo("contact");
                    assertThat(f.channel()).isEqualTo(Channel.WEB);
                });
        assertThat(IntakeTopicReader.eventsFor(bootstrap, done)).singleElement()
                .isInstanceOfSatisfying(FeedbackGiven.class, f -> {
                    assertThat(f.score()).isEqualTo(2);
                    assertThat(f.comment()).isEqualTo("还是漏");
                });

        // The tracking page shows the complaint to its resident only.
        mvc.perform(post("/track").param("id", open).param("contact", "resident@example.com"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("处理中")))
                .andExpect(content().string(containsString("description of " + open)));
        mvc.perform(get("/track").param("id", open).param("contact", "other@example.com"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("description of " + open))));
    }

    @Test
    void theOpenApiDescriptionIsServed() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/complaints'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/complaints/{id}/feedback'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/complaints'].post.responses['503']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/complaints'].post.parameters[?(@.name=='Idempotency-Key')]")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/complaints/{id}'].get.parameters[?(@.name=='Hearken-Contact')]")
                        .exists());
    }

    void index(String id, String status, String channel, String category, Instant at, String contactHash)
            throws Exception {
        index(id, status, channel, category, at, contactHash, null);
    }

    void index(String id, String status, String channel, String category, Instant at, String contactHash,
            Map<String, Double> location) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("status", status);
        doc.put("channel", channel);
        doc.put("category", category);
        doc.put("urgency", "NORMAL");
        doc.put("department", "maintenance");
        doc.put("subject", "subject of " + id);
        doc.put("description", "description of " + id);
        doc.put("language", "zh-CN");
        doc.put("building", "1号楼");
        doc.put("receivedAt", at.toString());
        doc.put("contactHash", contactHash);
        if (location != null) {
            doc.put("location", location);
        }
        elasticsearch.index(i -> i.index(Indices.COMPLAINTS).id(id).document(doc).refresh(Refresh.True));
        await().atMost(Duration.ofSeconds(10)).until(() -> elasticsearch.exists(e -> e.index(Indices.COMPLAINTS)
                .id(id)).value());
    }
}
