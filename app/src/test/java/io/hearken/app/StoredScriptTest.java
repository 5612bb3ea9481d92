package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Abuse probe, end to end on the all-in-one: script in every free-text field a resident or a person at the desk
 * can fill (name, subject, description, building, unit, comment, public note, question, reassignment reason,
 * resolution) must reach every page and every mail's HTML only escaped: the tracking page, the desk's queue
 * and complaint page, the dashboard's search, the satisfaction page, and each mail the resident received.
 * And no template writes unescaped text ({@code th:utext}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hearken.embedded.mode=test")
@AutoConfigureTestRestTemplate
class StoredScriptTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String JS = "javascript:alert(1)";
    static final String ALL = SCRIPT + " " + IMG + " " + JS;

    @Autowired
    TestRestTemplate rest;
    @Value("${hearken.email.imap.port}")
    int imapPort;

    @Test
    void scriptInEveryFreeTextFieldIsShownEscapedOnEveryPageAndInEveryMail() throws Exception {
        String resident = "xss." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ResponseEntity<Map> created = rest.postForEntity("/api/v1/complaints", Map.of(
                "name", "张" + SCRIPT, "email", resident, "building", "3号楼" + IMG, "unit", JS,
                "subject", "电梯故障" + ALL, "description", "三号楼电梯困人 " + ALL, "language", "en"), Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = (String) created.getBody().get("id");
        HttpHeaders contact = new HttpHeaders();
        contact.set("Hearken-Contact", resident);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(rest.exchange("/api/v1/complaints/" + id,
                HttpMethod.GET, new HttpEntity<>(contact), Map.class).getBody()).containsKey("department"));
        HttpHeaders jsonContact = new HttpHeaders();
        jsonContact.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.postForEntity("/api/v1/complaints/" + id + "/comments", new HttpEntity<>(
                Map.of("contact", resident, "text", "comment " + ALL), jsonContact), String.class).getStatusCode().value())
                .isEqualTo(202);

        TestRestTemplate manager = rest.withBasicAuth("liu.yang", "demo");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(manager.getForEntity(
                "/api/v1/desk/complaints/" + id, String.class).getStatusCode().value()).isEqualTo(200));
        act(manager, id, "notes", Map.of("text", "note " + ALL, "visibleToResident", true));
        act(manager, id, "information-requests", Map.of("question", "question " + ALL));
        act(manager, id, "reassignment", Map.of("toDepartment", "cleaning", "reason", "reason " + ALL));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(manager.getForEntity(
                "/api/v1/desk/complaints/" + id, String.class).getBody()).contains("cleaning"));
        act(manager, id, "resolution", Map.of("text", "resolution " + ALL));

        // Every mail the resident got (acknowledgement, note, question, resolution with the satisfaction link).
        List<String> mails = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            mails.clear();
            mails.addAll(htmlMails(resident));
            assertThat(mails).anyMatch(m -> m.contains("/satisfaction/"));
            assertThat(mails).hasSizeGreaterThanOrEqualTo(4);
        });
        mails.forEach(m -> escaped("mail", m));
        assertThat(String.join("\n", mails)).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String satisfaction = mails.stream().filter(m -> m.contains("/satisfaction/")).findFirst().orElseThrow()
                .replaceAll("(?s).*?https?://[^/\"]+(/satisfaction/[A-Za-z0-9_.-]+).*", "$1");
        escaped("satisfaction page", rest.getForEntity(satisfaction, String.class).getBody());

        // The tracking page, with the right contact (which shows the resident's own text).
        LinkedMultiValueMap<String, String> track = new LinkedMultiValueMap<>();
        track.add("id", id);
        track.add("contact", resident);
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        String trackingPage = rest.postForEntity("/track", new HttpEntity<>(track, form), String.class).getBody();
        assertThat(trackingPage).contains(id, "&lt;script&gt;");
        escaped("tracking page", trackingPage);

        // The desk: the queue of the department it went to and the complaint page (with the whole timeline).
        String page = manager.getForEntity("/desk/complaints/" + id, String.class).getBody();
        assertThat(page).contains(id, "&lt;script&gt;", "note ", "reason ", "resolution ", "comment ");
        escaped("desk complaint page", page);
        escaped("desk queue", manager.getForEntity("/desk?department=cleaning&status=RESOLVED", String.class).getBody());
        escaped("desk queue", manager.getForEntity("/desk?q=alert", String.class).getBody());

        // The dashboard search: its snippet is put into the page as HTML, so it must be escaped.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> found = manager.getForEntity("/api/v1/analytics/search?q=alert", Map.class).getBody();
            List<Map<String, Object>> hits = (List<Map<String, Object>>) found.get("hits");
            assertThat(hits).anySatisfy(h -> {
                assertThat(h.get("id")).isEqualTo(id);
                escaped("dashboard snippet", String.valueOf(h.get("snippet")));
            });
        });
        escaped("dashboard", manager.getForEntity("/dashboard", String.class).getBody());
    }

    @Test
    void noTemplateWritesUnescapedText() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> templates = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path resources : modules.map(m -> m.resolve("src/main/resources")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(resources)) {
                    files.filter(p -> p.toString().endsWith(".html")).forEach(templates::add);
                }
            }
        }
        assertThat(templates).hasSizeGreaterThan(5);
        // Scripts put text into pages with textContent; the one innerHTML with data is the search snippet's cell,
        // which the server escapes (asserted above on the real search).
        try (Stream<Path> modules = Files.list(root)) {
            for (Path statics : modules.map(m -> m.resolve("src/main/resources/static")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(statics)) {
                    for (Path script : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                        Files.readAllLines(script, StandardCharsets.UTF_8).stream()
                                .filter(l -> l.contains("innerHTML") || l.contains("insertAdjacentHTML")
                                        || l.contains("document.write"))
                                .forEach(l -> assertThat(l.strip()).as(script.toString()).matches(
                                        ".*(innerHTML = '';|if \\(html\\) \\{ td\\.innerHTML = value \\|\\| '';).*"));
                    }
                }
            }
        }
        for (Path template : templates) {
            // Plain-text mails may inline unescaped ([(...)]): they are not HTML. HTML never does.
            assertThat(Files.readString(template, StandardCharsets.UTF_8)).as(template.toString())
                    .doesNotContain("th:utext", "data-th-utext", "[(${");
        }
    }

    private void act(TestRestTemplate manager, String id, String action, Map<String, Object> body) {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        json.set("Idempotency-Key", id + "-" + action);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(manager.postForEntity(
                "/api/v1/desk/complaints/" + id + "/" + action, new HttpEntity<>(body, json), String.class)
                .getStatusCode().is2xxSuccessful()).as(action).isTrue());
    }

    /** The text a resident's script payload would need to run, which must not be there. */
    private static void escaped(String where, String html) {
        assertThat(html).as(where).isNotNull()
                .doesNotContain("<script>alert(1)", "<img src=x", "href=\"javascript:", "src=\"javascript:");
    }

    private List<String> htmlMails(String address) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(props).getStore("imap");
        List<String> html = new ArrayList<>();
        try {
            store.connect("127.0.0.1", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                StringBuilder parts = new StringBuilder();
                html(message, parts);
                html.add(parts.toString());
            }
        } catch (jakarta.mail.AuthenticationFailedException noMailYet) {
            return List.of();
        } finally {
            store.close();
        }
        return html;
    }

    private static void html(Part part, StringBuilder into) throws Exception {
        if (part.isMimeType("text/html")) {
            into.append(part.getContent());
        } else if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                html(multipart.getBodyPart(i), into);
            }
        }
    }
}
