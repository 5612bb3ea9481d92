package io.hearken.desk;

import java.util.stream.Stream;
import io.hearken.events.kafka.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.Actor;
import io.hearken.events.Attachment;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintId;
import io.hearken.events.Events;
import io.hearken.events.NotificationSent;
import io.hearken.events.ProgressNoted;
import io.hearken.events.Topics;
import io.hearken.events.kafka.EventWireFormatAutoConfiguration;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #18 point 5, the staff's side, in one JVM with the real router and notifier and the embedded mail server:
 * a resolution with a PDF and a photo posted to the desk (multipart, real HTTP) reaches the resident as one
 * {@code multipart/mixed} mail carrying both files; a public note whose file is gone is mailed without it, the
 * ledger's {@code notification-sent} says so, and its redelivery sends no second mail.
 */
class StaffFilesPipelineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @Test
    void staffFilesReachTheResidentAsMailAttachmentsAndAMissingOneIsSaidInTheLedger() throws Exception {
        Path staff = Path.of("target/pipeline-files/staff").toAbsolutePath();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DeskApplication.class)
                .web(WebApplicationType.SERVLET).run("--hearken.embedded.mode=test",
                        "--hearken.elasticsearch.uris=http://127.0.0.1:9", "--hearken.privacy.secret=pipeline-test-secret",
                        "--hearken.notifier.link-secret=pipeline-test-link-secret", "--server.port=0",
                        "--hearken.staff.demo-accounts=true", "--spring.autoconfigure.exclude=",
                        "--hearken.desk.attachments.staff-dir=" + staff,
                        "--hearken.desk.attachments.roots=target/pipeline-files/channels",
                        "--hearken.notifier.attachments.roots=" + staff)) {
            port = app.getEnvironment().getProperty("local.server.port", Integer.class);
            String email = "files." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            HttpResponse<String> entered = json("zhou.min", "/api/v1/desk/complaints", """
                    {"channel":"walk-in","name":"钱女士","email":"%s","building":"6号楼","unit":"803",
                     "description":"阳台门关不上","language":"zh-CN"}""".formatted(email));
            assertThat(entered.statusCode()).isEqualTo(201);
            String id = JSON.readTree(entered.body()).path("id").asString();
            await().atMost(PATIENCE).until(() -> mailsTo(email).size() == 1); // the acknowledgement

            // A public note whose file is gone (deleted after it was attached, a disk restored without it): the mail
            // goes without it, and the same event delivered twice is one mail.
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, ComplaintEvent> kafka = app.getBean(KafkaTemplate.class);
            ProgressNoted note = new ProgressNoted(Events.newId(), ComplaintId.of(id), Instant.now(),
                    new Actor("liu.yang", "刘洋", "management", Actor.Role.MANAGER), "师傅明早上门，报价单见附件", true,
                    List.of(new Attachment("报价单.pdf", "application/pdf", PDF.length, "00",
                            staff.resolve(id).resolve("gone.pdf").toUri().toString())));
            kafka.send(Topics.UPDATES, id, note).get(10, TimeUnit.SECONDS);
            kafka.send(Topics.UPDATES, id, note).get(10, TimeUnit.SECONDS);
            await().atMost(PATIENCE).until(() -> mailsTo(email).size() == 2);
            MimeMessage noteMail = mailsTo(email).get(1);
            assertThat(noteMail.getContentType()).startsWith("multipart/alternative");
            NotificationSent noted = sentFor(id, note.eventId());
            assertThat(noted.detail()).contains("报价单.pdf", "file missing");

            // The resolution with two files, through the desk's API as multipart.
            HttpResponse<String> resolved = multipart("liu.yang", "/api/v1/desk/complaints/" + id + "/resolution",
                    "已修好阳台门，维修单和照片见附件", new LinkedHashMap<>(Map.of("维修单.pdf", PDF)), "photo.jpg", JPEG);
            assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
            String resolution = JSON.readTree(resolved.body()).path("eventId").asString();
            await().atMost(PATIENCE).until(() -> mailsTo(email).size() == 3);
            MimeMessage mail = mailsTo(email).get(2);
            assertThat(mail.getContentType()).startsWith("multipart/mixed");
            Multipart mixed = (Multipart) mail.getContent();
            assertThat(mixed.getCount()).isEqualTo(3);
            assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
            List<String> names = new ArrayList<>();
            for (int i = 1; i < mixed.getCount(); i++) {
                BodyPart part = mixed.getBodyPart(i);
                assertThat(part.getDisposition()).isEqualTo(Part.ATTACHMENT);
                names.add(MimeUtility.decodeText(part.getFileName()));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                part.getInputStream().transferTo(bytes);
                assertThat(bytes.toByteArray()).isEqualTo(part.getContentType().startsWith("application/pdf") ? PDF : JPEG);
            }
            assertThat(names).containsExactly("维修单.pdf", "photo.jpg");
            assertThat(sentFor(id, resolution).detail()).isNull();
            // Nothing more for the note's redelivery, the resolution's mail was the third and last.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).size() == 3);
        }
    }

    /** The ledger's record of the mail for one event, read (and opened) from the notifications topic. */
    private static NotificationSent sentFor(String id, String cause) {
        String bootstrap = EmbeddedServers.current().kafka().bootstrapServers();
        var events = EventWireFormatAutoConfiguration.deserializer(TopicRecords.sealing(bootstrap));
        return await().atMost(PATIENCE).until(() -> TopicRecords.readUncommitted(bootstrap, Topics.NOTIFICATIONS, events)
                .stream().filter(r -> id.equals(r.key())).map(ConsumerRecord::value)
                .flatMap(v -> v instanceof NotificationSent s && cause.equals(s.causeEventId()) ? Stream.of(s) : Stream.empty())
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private HttpResponse<String> json(String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> multipart(String user, String path, String text, Map<String, byte[]> first,
            String secondName, byte[] second) throws Exception {
        String boundary = "----hearken" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> files = new LinkedHashMap<>(first);
        files.put(secondName, second);
        for (var f : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(f.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).header("Idempotency-Key", "resolve-" + UUID.randomUUID())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** One per mail: GreenMail keeps a copy per mailbox it delivered to (the resident's and the notifier's journal). */
    private static List<MimeMessage> mailsTo(String address) {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage m : EmbeddedServers.current().mail().greenMail().getReceivedMessages()) {
            try {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address))) {
                    byId.putIfAbsent(m.getMessageID(), m);
                }
            } catch (Exception e) {
                // not a mail for this address
            }
        }
        return List.copyOf(byId.values());
    }
}
