package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue #18's files and the escalation message, end to end in the all-in-one: a resident reports a gas leak with a
 * photo through the REST API; it is escalated to management and the resident is told so by mail; the photo is listed
 * and served to the department on the desk (inline, as an image) and to no other department; staff resolve it with a
 * PDF attached, and the resident's resolution mail carries that PDF, byte for byte. Shares the application context of
 * the other all-in-one tests (same properties).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hearken.embedded.mode=test")
@AutoConfigureTestRestTemplate
class ResidentFilesEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired
    TestRestTemplate rest;

    @Test
    void aResidentsPhotoReachesTheDeskAndTheStaffsFileReachesTheResident() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String resident = "files." + run + "@example.com";
        byte[] photo = png();
        byte[] report = ("%PDF-1.4\n% inspection report " + run + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

        // 1. The resident reports a gas leak with a photo (multipart, as the form and API clients send it).
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("email", resident);
        parts.add("building", "燃气楼-" + run);
        parts.add("language", "en");
        parts.add("subject", "Gas leak");
        parts.add("description", "There is a gas leak in the stairwell, a strong smell of gas on every floor.");
        parts.add("attachments", file(photo, "stairwell.png"));
        ResponseEntity<Map> submitted = rest.postForEntity("/api/v1/complaints", multipart(parts), Map.class);
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = (String) submitted.getBody().get("id");

        // 2. Urgent safety: management is told, and so is the resident (without the internal reason).
        String escalated = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> ResidentMail.containing(imapPort(), resident, id, "referred to management"), m -> m != null);
        assertThat(escalated).doesNotContain("major complaint");

        // 3. The department sees the photo on the desk and gets it back as it was sent, shown inline as an image.
        TestRestTemplate manager = rest.withBasicAuth("liu.yang", "demo");
        Map<String, Object> listing = await().atMost(PATIENCE)
                .until(() -> body(manager, "/api/v1/desk/complaints/" + id + "/attachments"),
                        l -> l != null && ((Number) l.get("count")).intValue() == 1);
        Map<String, Object> file = list(listing.get("files")).get(0);
        assertThat(file).containsEntry("fileName", "stairwell.png").containsEntry("from", "resident")
                .containsEntry("contentType", "image/png");
        ResponseEntity<byte[]> served = manager.getForEntity((String) file.get("href"), byte[].class);
        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(served.getBody()).isEqualTo(photo);
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(served.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
        assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        Map<String, Object> complaint = body(manager, "/api/v1/desk/complaints/" + id);
        String department = (String) ((Map<?, ?>) complaint.get("summary")).get("department");
        assertThat(department).isEqualTo("security");
        // chen.jing works in cleaning: not her complaint, so not her file either.
        assertThat(rest.withBasicAuth("chen.jing", "demo").getForEntity((String) file.get("href"), byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // 4. The department's worker resolves it with the inspection report attached.
        LinkedMultiValueMap<String, Object> resolution = new LinkedMultiValueMap<>();
        resolution.add("text", "The gas company replaced the valve; the stairwell is safe.");
        resolution.add("files", file(report, "inspection.pdf"));
        ResponseEntity<Map> resolved = rest.withBasicAuth("zhao.lei", "demo")
                .postForEntity("/api/v1/desk/complaints/" + id + "/resolution", multipart(resolution), Map.class);
        assertThat(resolved.getStatusCode()).as(String.valueOf(resolved.getBody())).isEqualTo(HttpStatus.OK);

        // 5. The resident's resolution mail carries the report, byte for byte.
        Map<String, byte[]> attached = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> attachments(resident, id, "/satisfaction/"), a -> a != null);
        assertThat(attached).containsOnlyKeys("inspection.pdf");
        assertThat(attached.get("inspection.pdf")).isEqualTo(report);
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 2, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static ByteArrayResource file(byte[] bytes, String name) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(LinkedMultiValueMap<String, Object> parts) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    /** The files attached to the resident's first mail that mentions the complaint and the marker; null: none yet. */
    private static Map<String, byte[]> attachments(String resident, String id, String marker) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        try {
            store.connect("127.0.0.1", imapPort(), resident, resident);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                String text = ResidentMail.text(message);
                if (text.contains(id) && text.contains(marker)) {
                    Map<String, byte[]> files = new HashMap<>();
                    collect(message, files);
                    return files;
                }
            }
            return null;
        } catch (jakarta.mail.AuthenticationFailedException noMailYet) {
            return null;
        } finally {
            store.close();
        }
    }

    private static void collect(Part part, Map<String, byte[]> files) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), files);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName() != null) {
            files.put(part.getFileName(), part.getInputStream().readAllBytes());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(TestRestTemplate as, String path) {
        ResponseEntity<Map> answer = as.getForEntity(path, Map.class);
        return answer.getStatusCode().is2xxSuccessful() ? answer.getBody() : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static int imapPort() {
        return EmbeddedServers.current().mail().imapPort();
    }
}
