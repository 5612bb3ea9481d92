package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hearken.events.Actor;
import io.hearken.events.Attachment;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintAnonymised;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.ComplaintResolved;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Events;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.ProgressNoted;
import io.hearken.events.Topics;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #18, points 5 and 6, through real HTTP and the embedded Kafka: the residents' files (stored as the web and
 * mail channels store them) listed and served to the complaint's department only, with safe headers; locations
 * outside the allowed roots, through {@code ..} or a link refused; gone after an erasure. Staff attach files to a
 * reply (limits, types, the event's references). Canned replies per department with placeholders filled in.
 */
class DeskFilesTest extends DeskTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTML = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Path channels = Path.of("target/test-files/channels").toAbsolutePath();
    private final Path outside = Path.of("target/test-files/outside").toAbsolutePath();

    @Test
    void residentsFilesAreServedSafelyToTheirDepartmentOnly() throws Exception {
        Attachment photo = webStored("漏水 照片.jpg", "image/jpeg", JPEG);
        Attachment invoice = webStored("invoice.pdf", "application/pdf", PDF);
        Attachment page = webStored("page.html", "text/html", HTML);
        Attachment rtl = webStored("bill\u202Efdp.exe", "application/pdf", PDF);
        Files.createDirectories(outside);
        Path secret = Files.writeString(outside.resolve("secret.txt"), "not for the desk");
        Attachment elsewhere = new Attachment("secret.txt", "text/plain", 16, null, secret.toUri().toString());
        Attachment dotted = new Attachment("dotted.txt", "text/plain", 16, null,
                "file://" + channels + "/../outside/secret.txt");
        Path link = channels.resolve("link-" + UUID.randomUUID() + ".txt");
        Files.createSymbolicLink(link, secret);
        Attachment linked = new Attachment("linked.txt", "text/plain", 16, null, link.toUri().toString());
        Attachment remote = new Attachment("remote.jpg", "image/jpeg", 10, null, "http://example.com/x.jpg");

        ComplaintRouted routed = withAttachments(routed("maintenance", 2, "水管漏水", "2号楼"),
                List.of(photo, invoice, page, rtl, elsewhere, dotted, linked, remote));
        assign(routed);
        String id = routed.complaintId().value();
        // A reply by mail with a file, stored as the mail channel stores it: <complaint id>/<sha prefix>-<name>.
        Path mailDir = Files.createDirectories(channels.resolve(id));
        Path mailed = Files.write(mailDir.resolve("3f2a91-meter.txt"), "电表读数 1234".getBytes(StandardCharsets.UTF_8));
        send(Topics.INTAKE_EMAIL, new FollowUpReceived(Events.newId(), routed.complaintId(), Instant.now(), Channel.EMAIL,
                "m-1", "thread-headers", "电表读数见附件", List.of(new Attachment("meter.txt", "text/plain",
                Files.size(mailed), "3f2a91", mailed.toUri().toString()))));
        await().atMost(PATIENCE).until(() -> list("li.wei", id).path("count").asInt() == 9);

        JsonNode files = list("li.wei", id).path("files");
        assertThat(files.toString()).doesNotContain("file:").doesNotContain(channels.toString());
        assertThat(files.get(0).path("from").asString()).isEqualTo("resident");

        // An image: inline, its own type, never sniffed, under a policy that runs nothing.
        HttpResponse<byte[]> image = download("li.wei", href(files, "漏水 照片.jpg"));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(JPEG);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline;").contains("filename*=UTF-8''%E6%BC%8F%E6%B0%B4%20%E7%85%A7%E7%89%87.jpg");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'", "sandbox");
        assertThat(image.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        // A PDF: its type, but a download.
        HttpResponse<byte[]> pdf = download("li.wei", href(files, "invoice.pdf"));
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        // HTML is not on the allow-list: bytes, as a download.
        HttpResponse<byte[]> html = download("li.wei", href(files, "page.html"));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(html.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        // A right-to-left override cannot disguise the name.
        String disposition = download("li.wei", href(files, "bill\u202Efdp.exe")).headers()
                .firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).contains("filename=\"billfdp.exe\"").doesNotContain("%E2%80%AE");
        // The mail reply's text file: plain text, UTF-8, a download.
        HttpResponse<byte[]> meter = download("li.wei", href(files, "meter.txt"));
        assertThat(new String(meter.body(), StandardCharsets.UTF_8)).isEqualTo("电表读数 1234");
        assertThat(meter.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");

        // Outside the roots, out through "..", out through a link, not a file: URI: 404, nothing read.
        for (String name : List.of("secret.txt", "dotted.txt", "linked.txt", "remote.jpg")) {
            HttpResponse<byte[]> refused = download("li.wei", href(files, name));
            assertThat(refused.statusCode()).as(name).isEqualTo(404);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("not for the desk");
        }
        // An id of one's own making is just unknown.
        assertThat(download("li.wei", "/api/v1/desk/complaints/" + id + "/attachments/..%2F..%2Fetc%2Fpasswd")
                .statusCode()).isIn(400, 404);

        // Another department: 404 for the list and the file; nobody signed in: 401.
        String photoHref = href(files, "漏水 照片.jpg");
        assertThat(download("chen.jing", photoHref).statusCode()).isEqualTo(404);
        assertThat(download("chen.jing", "/api/v1/desk/complaints/" + id + "/attachments").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + photoHref)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(401);
        // A manager sees every department's.
        assertThat(download("liu.yang", photoHref).statusCode()).isEqualTo(200);

        // The complaint page lists them, with links to the same addresses.
        String console = mvc.perform(get("/desk/complaints/" + id).with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(console).contains(photoHref, "meter.txt", "enctype=\"multipart/form-data\"", "name=\"files\"");

        // Erased: the board forgets the files, and they are gone (404).
        send(Topics.UPDATES, new ComplaintAnonymised(Events.newId(), routed.complaintId(), Instant.now(),
                Actor.system("privacy"), "ER-" + UUID.randomUUID(), ComplaintAnonymised.REQUEST));
        await().atMost(PATIENCE).until(() -> download("li.wei", photoHref).statusCode() == 404);
        assertThat(list("li.wei", id).path("count").asInt()).isZero();
    }

    @Test
    void staffAttachFilesToAReplyWithinTheLimitsAndTheEventRefersToThem() throws Exception {
        ComplaintRouted routed = assign(routed("maintenance", 3, "门禁坏了", "4号楼"));
        String id = routed.complaintId().value();
        String replies = "/api/v1/desk/complaints/" + id;

        // Another department's complaint: 404 and nothing stored.
        assertThat(upload("chen.jing", replies + "/notes", Map.of("text", "x"), Map.of("a.pdf", PDF), null).statusCode())
                .isEqualTo(404);
        // Three files where two are allowed: 400.
        HttpResponse<String> many = upload("li.wei", replies + "/notes", Map.of("text", "照片", "visibleToResident", "true"),
                Map.of("a.pdf", PDF, "b.jpg", JPEG, "c.txt", "c".getBytes()), null);
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(many.body()).contains("2");
        // A program is neither image, PDF nor text: 415.
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        assertThat(upload("li.wei", replies + "/notes", Map.of("text", "x"), Map.of("tool.exe", exe), null).statusCode())
                .isEqualTo(415);
        // One file over 64 KB: 413.
        byte[] big = new byte[70 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThat(upload("li.wei", replies + "/notes", Map.of("text", "x"), Map.of("big.pdf", big), null).statusCode())
                .isEqualTo(413);
        // A request far over every limit is refused by its length, before its body is read.
        byte[] huge = new byte[400 * 1024];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        assertThat(upload("li.wei", replies + "/notes", Map.of("text", "x"), Map.of("huge.pdf", huge), null).statusCode())
                .isEqualTo(413);
        assertThat(Files.exists(Path.of("target/test-files/staff", id))
                ? Files.list(Path.of("target/test-files/staff", id)).filter(p -> !p.toString().endsWith(".part")).count()
                : 0L).isZero();

        // A resolution with a PDF and a photo; the retry with the same key publishes nothing new.
        HttpResponse<String> resolved = upload("li.wei", replies + "/resolution", Map.of("text", "已更换门禁读卡器，见报告"),
                Map.of("维修报告.pdf", PDF, "after.jpg", JPEG), "resolve-with-files");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(upload("li.wei", replies + "/resolution", Map.of("text", "已更换门禁读卡器，见报告"),
                Map.of("维修报告.pdf", PDF, "after.jpg", JPEG), "resolve-with-files").statusCode()).isEqualTo(200);
        List<ConsumerRecord<String, ComplaintEvent>> updates = updatesFor(routed.complaintId(),
                r -> r.stream().anyMatch(x -> x.value() instanceof ComplaintResolved));
        List<ComplaintResolved> resolutions = updates.stream().map(ConsumerRecord::value)
                .filter(ComplaintResolved.class::isInstance).map(ComplaintResolved.class::cast).toList();
        assertThat(resolutions).hasSize(1);
        List<Attachment> attached = resolutions.get(0).attachments();
        assertThat(attached).extracting(Attachment::fileName).containsExactly("维修报告.pdf", "after.jpg");
        assertThat(attached).extracting(Attachment::contentType).containsExactly("application/pdf", "image/jpeg");
        assertThat(attached.get(0).sha256()).isEqualTo(sha256(PDF));
        Path stored = Path.of(URI.create(attached.get(0).location()));
        assertThat(stored).startsWith(Path.of("target/test-files/staff").toAbsolutePath()).hasBinaryContent(PDF);

        // On the wire the references are sealed with the resolution's text (personal data).
        String raw = rawUpdates(id);
        assertThat(raw).contains("complaint-resolved").doesNotContain("维修报告").doesNotContain(stored.getFileName().toString());

        // The desk lists and serves the staff's files too.
        JsonNode files = list("li.wei", id).path("files");
        assertThat(files.findValuesAsString("from")).contains("staff");
        assertThat(download("li.wei", href(files, "维修报告.pdf")).body()).isEqualTo(PDF);

        // A JSON note still works as before (no files, no attachments field).
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(replies + "/notes")
                .with(httpBasic("li.wei", "demo")).contentType("application/json").content("{\"text\":\"内部备注\"}"))
                .andExpect(status().isOk());
        await().atMost(PATIENCE).until(() -> updatesFor(routed.complaintId(), r -> r.stream()
                .anyMatch(x -> x.value() instanceof ProgressNoted)).stream().map(ConsumerRecord::value)
                .filter(ProgressNoted.class::isInstance).map(ProgressNoted.class::cast)
                .allMatch(p -> p.attachments() == null));
    }

    @Test
    void cannedRepliesPerDepartmentWithPlaceholdersFilledAndAPickerOnTheForms() throws Exception {
        ComplaintRouted routed = assign(routed("maintenance", 2, "电梯故障", "7号楼"));
        String id = routed.complaintId().value();

        JsonNode own = JSON.readTree(download("li.wei", "/api/v1/desk/replies").body());
        assertThat(own.path("department").asString()).isEqualTo("maintenance");
        assertThat(own.path("replies").findValuesAsString("title")).containsExactly("电梯已报修", "Lift reported", "Thanks");
        assertThat(own.path("replies").findValuesAsString("scope")).containsExactly("department", "department", "office");
        JsonNode english = JSON.readTree(download("li.wei", "/api/v1/desk/replies?language=en").body());
        assertThat(english.path("replies").findValuesAsString("title")).containsExactly("Lift reported", "Thanks");
        // Another department's: 403; a manager may read any.
        assertThat(download("li.wei", "/api/v1/desk/replies?department=cleaning").statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(download("liu.yang", "/api/v1/desk/replies?department=cleaning").body())
                .path("replies").findValuesAsString("title")).containsExactly("保洁已安排", "Thanks");
        assertThat(download("chen.jing", "/api/v1/desk/replies?complaint=" + id).statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/desk/replies")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);

        // For a complaint: filled in (its id, its department's name in the reply's language, its building).
        JsonNode filled = JSON.readTree(download("li.wei", "/api/v1/desk/replies?complaint=" + id).body());
        assertThat(filled.path("replies").findValuesAsString("text")).contains(
                "您好，7号楼的电梯故障（" + id + "）已由" + deptName("zh") + "报修。",
                "The lift in 7号楼 (" + id + ") is reported by " + deptName("en") + ".");
        assertThat(filled.toString()).doesNotContain("{trackingId}").doesNotContain("li.wei").doesNotContain("李伟");

        // The console's note, question and resolution forms each have the picker with the filled texts.
        String page = mvc.perform(get("/desk/complaints/" + id).with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.split("class=\"canned-reply\"", -1)).hasSize(4);
        assertThat(page).contains("data-target=\"note-text\"", "data-target=\"question\"", "data-target=\"resolution-text\"",
                "Thank you (" + id + ").");
    }

    private String deptName(String language) throws Exception {
        return "zh".equals(language) ? props("i18n/desk_zh_CN.properties").getProperty("desk.dept.maintenance")
                : props("i18n/desk.properties").getProperty("desk.dept.maintenance");
    }

    private static java.util.Properties props(String resource) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(DeskFilesTest.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Stored as the web channel stores a file: {@code <sha256[0:2]>/<sha256>.<ext>} under its attachments folder. */
    private Attachment webStored(String name, String type, byte[] bytes) throws Exception {
        String sha = sha256(bytes) ;
        String unique = sha.substring(0, 8) + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Path file = channels.resolve(unique.substring(0, 2)).resolve(unique + "." + name.substring(name.lastIndexOf('.') + 1));
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return new Attachment(name, type, bytes.length, sha, file.toUri().toString());
    }

    private static ComplaintRouted withAttachments(ComplaintRouted r, List<Attachment> files) {
        ComplaintReceived c = r.complaint();
        ComplaintReceived with = new ComplaintReceived(c.eventId(), c.complaintId(), c.at(), c.channel(), c.via(),
                c.sourceRef(), c.contact(), c.residentType(), c.place(), c.subject(), c.description(), c.categoryHint(),
                c.language(), files, c.details());
        return new ComplaintRouted(r.eventId(), r.complaintId(), r.at(), with, r.classification(), r.assignment(), r.links());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String href(JsonNode files, String name) {
        for (JsonNode f : files) {
            if (name.equals(f.path("fileName").asString())) {
                return f.path("href").asString();
            }
        }
        throw new AssertionError("no file " + name + " in " + files);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode list(String user, String id) throws Exception {
        HttpResponse<byte[]> r = download(user, "/api/v1/desk/complaints/" + id + "/attachments");
        return JSON.readTree(r.body());
    }

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> upload(String user, String path, Map<String, String> fields, Map<String, byte[]> files,
            String key) throws Exception {
        String boundary = "----hearken" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (var f : new java.util.TreeMap<>(files).descendingMap().entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(f.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user))
                .header("Accept-Language", "en").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rawUpdates(String id) {
        StringBuilder all = new StringBuilder();
        io.hearken.events.kafka.TopicRecords.readUncommitted(io.hearken.embedded.EmbeddedServers.current().kafka()
                .bootstrapServers(), Topics.UPDATES, new org.apache.kafka.common.serialization.StringDeserializer())
                .stream().filter(r -> id.equals(r.key())).forEach(r -> all.append(r.value()).append('\n'));
        return all.toString();
    }
}
