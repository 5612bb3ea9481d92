package io.hearken.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.TrackingIds;
import io.hearken.events.privacy.PersonalData;
import io.hearken.readmodel.Indices;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Abuse probes on the web channel against the real embedded Kafka and Elasticsearch: Open311 key guessing and
 * status look-ups under the per-address limit, hostile file names kept inside the attachments folder, script in
 * every field escaped on the tracking page, nothing personal without the right contact, oversize bodies refused
 * with nothing published. Each probe comes from its own address, so their limits do not mix.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.web.rate-limit.capacity=5",
        "hearken.web.rate-limit.period=10m", "hearken.web.attachments-dir=target/abuse-attachments",
        "hearken.privacy.secret=abuse-test-secret", "hearken.web.open311.api-keys=the-real-key"})
@AutoConfigureMockMvc
class AbuseProbesTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String JS = "javascript:alert(1)";

    @Autowired
    MockMvc mvc;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    WebIntakeProperties properties;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    @Test
    void guessingOpen311KeysIsRateLimitedLikeSubmitting() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/open311/v2/requests.json").param("api_key", "guess-" + i).param("service_code", "facility")
                    .param("description", "x").with(from("203.0.113.20"))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/open311/v2/requests.json").param("api_key", "the-real-key").param("service_code", "facility")
                        .with(from("203.0.113.20")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        // Unknown request ids, the Open311 status look-up, count the same way.
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/open311/v2/requests/" + TrackingIds.next().value() + ".json").with(from("203.0.113.21")))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/open311/v2/requests/HK-2222-2222.json").with(from("203.0.113.21")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        // And the REST status API with wrong contacts.
        String id = indexed("owner@example.com").id;
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/complaints/" + id).header("Hearken-Contact", "guess" + i + "@example.com")
                    .with(from("203.0.113.22"))).andExpect(status().isForbidden());
        }
        // Used up by wrong guesses, the right contact gets the same 429: no oracle for the last guess.
        mvc.perform(get("/api/v1/complaints/" + id).header("Hearken-Contact", "owner@example.com")
                .with(from("203.0.113.22"))).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        String tracked = indexed("page.owner@example.com").id;
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/track").param("id", tracked).param("contact", "guess" + i + "@example.com")
                    .with(from("203.0.113.23"))).andExpect(status().isOk());
        }
        String refused = mvc.perform(post("/track").param("id", tracked).param("contact", "page.owner@example.com")
                        .with(from("203.0.113.23")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).doesNotContain("DESC", "SUBJ");
    }

    @Test
    void hostileFileNamesAreStoredInsideTheAttachmentsFolderUnderSafeNames() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        String[] names = {"../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "..", "a\u0000b.png"};
        String[] longAndSpoofed = {"x".repeat(5000) + ".png", "invoice\u202Egnp.exe", "C:\\temp\\..\\x.png", "./.",
                "%2e%2e%2fetc%2fpasswd"};
        for (String[] batch : new String[][] {names, longAndSpoofed}) {
            var form = multipart("/").param("email", "files@example.com").param("description", "漏水照片")
                    .param("consent", "true").with(from("203.0.113.30"));
            var api = multipart("/api/v1/complaints").param("email", "files@example.com").param("description", "漏水照片")
                    .with(from("203.0.113.31"));
            for (int i = 0; i < batch.length; i++) {
                byte[] bytes = png.clone();
                bytes[bytes.length - 1] = (byte) (batch == names ? i : 10 + i); // a file per name, not one by content
                form.file(new MockMultipartFile("attachments", batch[i], "image/png", bytes));
                api.file(new MockMultipartFile("attachments", batch[i], "image/png", bytes));
            }
            String page = mvc.perform(form).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            String formId = page.replaceAll("(?s).*id=\"tracking-id\">(HK-[A-Z0-9-]{9})<.*", "$1");
            String apiAnswer = mvc.perform(api).andExpect(status().isCreated()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            String apiId = apiAnswer.replaceAll("(?s).*\"id\":\"(HK-[A-Z0-9-]{9})\".*", "$1");
            Path folder = properties.attachmentsDir().toAbsolutePath().normalize();
            for (String id : List.of(formId, apiId)) {
                List<ComplaintEvent> events = IntakeTopicReader.eventsFor(bootstrap, id);
                assertThat(events).as(id).singleElement().isInstanceOf(ComplaintReceived.class);
                assertThat(((ComplaintReceived) events.get(0)).attachments()).hasSize(batch.length).allSatisfy(a -> {
                    Path file = Path.of(URI.create(a.location())).normalize();
                    assertThat(file).startsWith(folder).exists();
                    assertThat(file.getFileName().toString()).isEqualTo(a.sha256() + ".png");
                    assertThat(a.fileName()).doesNotContain("/", "\\", "\u0000", "\u202E").isNotIn("..", ".", "")
                            .hasSizeLessThanOrEqualTo(200);
                });
            }
        }
    }

    @Test
    void scriptInEveryFieldIsEscapedOnTheTrackingPageAndNothingPersonalShowsWithoutTheContact() throws Exception {
        Indexed c = indexed("resident@example.com");
        String page = mvc.perform(post("/track").param("id", c.id).param("contact", "resident@example.com")
                        .with(from("203.0.113.40")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(c.id, "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert", "<img src=x", "href=\"javascript:");
        for (String contact : new String[] {"other@example.com", "", "RESIDENT@example.com.evil"}) {
            String other = mvc.perform(post("/track").param("id", c.id).param("contact", contact)
                            .with(from("203.0.113.41")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(other).as(contact).doesNotContain("SUBJ", "DESC", "BLDG", "UNIT", "NAME", "PHONE",
                    "resident@", "alert(1)", "maintenance-text");
        }
        for (MockHttpServletRequestBuilder status : List.of(get("/api/v1/complaints/" + c.id),
                get("/api/v1/complaints/" + c.id).header("Hearken-Contact", "resident@example.com"))) {
            String json = mvc.perform(status.with(from("203.0.113.42"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            // Never a name, an e-mail, a phone or the unit, with or without the contact.
            assertThat(json).doesNotContain("NAME", "PHONE", "UNIT", "resident@", c.hash);
        }
        String anonymous = mvc.perform(get("/api/v1/complaints/" + c.id).with(from("203.0.113.43"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(anonymous).contains(c.id).doesNotContain("SUBJ", "DESC", "BLDG", "alert(1)");
    }

    @Test
    void oversizeBodiesAreRefusedAndNothingIsPublished() throws Exception {
        Indexed c = indexed("big@example.com");
        String big = "{\"contact\":\"big@example.com\",\"text\":\"" + "长".repeat(70_000) + "\"}";
        mvc.perform(post("/api/v1/complaints/" + c.id + "/comments").contentType(MediaType.APPLICATION_JSON)
                .content(big).with(from("203.0.113.50"))).andExpect(status().isPayloadTooLarge());
        mvc.perform(post("/api/v1/complaints/" + c.id + "/feedback").contentType(MediaType.APPLICATION_JSON)
                .content(big.replace("\"text\"", "\"score\":1,\"comment\"")).with(from("203.0.113.50")))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(post("/track/comment").param("id", c.id).param("contact", "big@example.com")
                .param("text", "长".repeat(200_000)).with(from("203.0.113.51"))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"big@example.com\",\"description\":\"" + "x".repeat(70_000) + "\"}")
                        .with(from("203.0.113.52")))
                .andExpect(status().isPayloadTooLarge());
        assertThat(IntakeTopicReader.eventsFor(bootstrap, c.id)).isEmpty();
    }

    record Indexed(String id, String hash) {
    }

    /** A complaint in the read model with script and a marker in every text field. */
    Indexed indexed(String contact) throws Exception {
        String id = TrackingIds.next().value();
        String hash = new PersonalData("abuse-test-secret").hash(contact);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("status", "assigned");
        doc.put("channel", "WEB");
        doc.put("category", "facility");
        doc.put("urgency", "NORMAL");
        doc.put("department", "maintenance");
        doc.put("subject", "SUBJ " + SCRIPT + IMG);
        doc.put("description", "DESC " + SCRIPT + IMG + JS);
        doc.put("language", "en");
        doc.put("building", "BLDG" + IMG);
        doc.put("unit", "UNIT" + SCRIPT);
        doc.put("contactName", "NAME" + SCRIPT);
        doc.put("contactEmail", contact);
        doc.put("contactPhone", "PHONE-13800138000");
        doc.put("receivedAt", Instant.now().toString());
        doc.put("contactHash", hash);
        elasticsearch.index(i -> i.index(Indices.COMPLAINTS).id(id).document(doc).refresh(Refresh.True));
        return new Indexed(id, hash);
    }
}
