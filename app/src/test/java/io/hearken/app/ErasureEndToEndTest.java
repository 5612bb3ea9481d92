package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedMail;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.privacy.StandaloneSealing;
import io.hearken.events.json.EventJson;
import io.hearken.events.kafka.TopicRecords;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The right to erasure, end to end on the real servers: one resident complains by web, by mail and by phone
 * (a transcript), a manager erases them, and within two minutes none of their name, e-mail, phone or own words is
 * left in any index, in any answer of the API, in the mail the system keeps, or in any Kafka record of any topic read
 * from the beginning, raw or opened with the master key. Another resident's data stays, which proves every scan can
 * find what it looks for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hearken.embedded.mode=test", "hearken.hotline.api-keys=erasure-test-hotline-key"})
@AutoConfigureTestRestTemplate
class ErasureEndToEndTest {

    static final String NAME = "欧阳娜娜";
    static final String EMAIL = "ouyang.nana@example.com";
    static final String PHONE = "13988887777";
    static final String WEB_WORDS = "紫藤花架下的水管爆裂";
    static final String MAIL_WORDS = "孔雀蓝色的信箱被人撬开";
    static final String CALL_WORDS = "楼顶的风铃声彻夜不停";
    static final String[] ERASED = {NAME, "ouyang.nana", PHONE, WEB_WORDS, MAIL_WORDS, CALL_WORDS};
    static final String OTHER_WORDS = "银杏树叶堵住了排水沟";

    @Autowired
    TestRestTemplate rest;

    @Test
    void aResidentErasedIsGoneFromEveryIndexAnswerMailboxAndKafkaRecord() throws Exception {
        String web = submitByWeb(NAME, EMAIL, PHONE, WEB_WORDS);
        String other = submitByWeb("司马光明", "sima.guangming@example.com", "13711112222", OTHER_WORDS);
        sendMail(EMAIL, MAIL_WORDS);
        uploadCall(PHONE, CALL_WORDS);

        // Everything arrived: indexed, acknowledged, and readable in Kafka with the master key.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String index = elasticsearch();
            assertThat(index).contains(WEB_WORDS, MAIL_WORDS, CALL_WORDS, OTHER_WORDS);
            assertThat(ResidentMail.containing(imapPort(), EMAIL, web, web)).isNotNull();
        });
        String opened = kafka(sealing());
        assertThat(opened).contains(NAME, EMAIL, WEB_WORDS, MAIL_WORDS, CALL_WORDS, OTHER_WORDS);
        assertThat(kafka(null)).as("raw Kafka bytes never hold personal data")
                .doesNotContain(NAME, "ouyang.nana", PHONE, WEB_WORDS, MAIL_WORDS, CALL_WORDS, OTHER_WORDS, "司马光明");

        // Only a manager may erase.
        assertThat(erase(rest.withBasicAuth("wang.fang", "demo"), EMAIL).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> receipt = erase(rest.withBasicAuth("liu.yang", "demo"), EMAIL);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(receipt.getBody()).containsKey("erasureId");
        assertThat(((Number) receipt.getBody().get("complaints")).intValue()).isGreaterThanOrEqualTo(2);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(elasticsearch()).doesNotContain(ERASED).contains(OTHER_WORDS);
            assertThat(answers(web)).doesNotContain(ERASED);
            assertThat(keptMail()).doesNotContain(ERASED);
            assertThat(kafka(sealing())).as("Kafka opened with the master key").doesNotContain(ERASED)
                    .contains(OTHER_WORDS, "司马光明");
        });
        assertThat(kafka(null)).doesNotContain(ERASED);
        // The complaint stays for the statistics, anonymous.
        assertThat(elasticsearch()).contains(web, other);
    }

    private String submitByWeb(String name, String email, String phone, String words) {
        ResponseEntity<Map> created = rest.postForEntity("/api/v1/complaints", Map.of("name", name, "email", email,
                "phone", phone, "building", "9号楼", "unit", "0707", "subject", "报修", "description", words,
                "language", "zh-CN"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    private void sendMail(String from, String words) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(EmbeddedServers.current().mail().smtpPort()));
        MimeMessage mail = new MimeMessage(Session.getInstance(props));
        mail.setFrom(new InternetAddress(from, NAME, "UTF-8"));
        mail.setRecipients(Message.RecipientType.TO, EmbeddedMail.COMPLAINTS_ADDRESS);
        mail.setSubject("8号楼信箱", "UTF-8");
        mail.setText("物业你好，" + MAIL_WORDS + "，请派人看看。我的电话 " + PHONE + "。\n" + NAME, "UTF-8");
        Transport.send(mail);
    }

    private void uploadCall(String phone, String words) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Api-Key", "erasure-test-hotline-key");
        String call = """
                [{"call_id": "ERASE-1", "start_time": "2026-12-06T09:05:00+08:00", "duration_s": 120,
                  "caller_number": "%s", "agent_id": "A003", "location": "10号楼 0303", "summary": "噪音",
                  "turns": [{"speaker": "agent", "text": "您好，物业服务热线。"},
                            {"speaker": "caller", "text": "%s，吵得睡不着。"}]}]""".formatted(phone, words);
        ResponseEntity<String> answer = rest.exchange("/api/v1/hotline/transcripts?format=json", HttpMethod.POST,
                new HttpEntity<>(call, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
    }

    private ResponseEntity<Map> erase(TestRestTemplate as, String contact) {
        return as.postForEntity("/api/v1/privacy/erasure", Map.of("contact", contact), Map.class);
    }

    /** What the resident's tracking link and the desk answer about the complaint. */
    private String answers(String id) {
        HttpHeaders resident = new HttpHeaders();
        resident.set("Hearken-Contact", EMAIL);
        String tracking = String.valueOf(rest.exchange("/api/v1/complaints/" + id, HttpMethod.GET,
                new HttpEntity<>(resident), String.class).getBody());
        String desk = String.valueOf(rest.withBasicAuth("liu.yang", "demo")
                .getForEntity("/api/v1/desk/complaints/" + id, String.class).getBody());
        String search = String.valueOf(rest.withBasicAuth("liu.yang", "demo")
                .getForEntity("/api/v1/analytics/search?q=" + WEB_WORDS, String.class).getBody());
        return tracking + desk + search;
    }

    /** Every document of every Hearken index, as stored. */
    private static String elasticsearch() throws Exception {
        HttpRequest all = HttpRequest.newBuilder(URI.create(EmbeddedServers.current().elasticsearch().uri()
                + "/complaints*,complaint-events*/_search?size=10000")).GET().build();
        return HttpClient.newHttpClient().send(all, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The mail the system keeps: the processed complaints mailbox and the notifier's sent-mail journal. */
    private static String keptMail() throws Exception {
        StringBuilder all = new StringBuilder();
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort(), EmbeddedMail.COMPLAINTS_ADDRESS, EmbeddedMail.COMPLAINTS_PASSWORD);
        try {
            for (Folder folder : store.getDefaultFolder().list("*")) {
                all.append(text(folder));
            }
        } finally {
            store.close();
        }
        Store journal = Session.getInstance(new Properties()).getStore("imap");
        journal.connect("127.0.0.1", imapPort(), EmbeddedMail.JOURNAL_ADDRESS, EmbeddedMail.JOURNAL_ADDRESS);
        try {
            all.append(text(journal.getFolder("INBOX")));
        } finally {
            journal.close();
        }
        return all.toString();
    }

    private static String text(Folder folder) throws Exception {
        if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
            return "";
        }
        folder.open(Folder.READ_ONLY);
        try {
            StringBuilder text = new StringBuilder();
            for (Message message : folder.getMessages()) {
                text.append(message.getSubject()).append(java.util.Arrays.toString(message.getFrom()))
                        .append(ResidentMail.text(message));
            }
            return text.toString();
        } finally {
            folder.close(false);
        }
    }

    /**
     * Every record of every topic from the beginning, keys, values and headers as text; with {@code sealing}, each
     * JSON value also opened as a service would open it.
     */
    private static String kafka(Sealing sealing) throws Exception {
        String servers = EmbeddedServers.current().kafka().bootstrapServers();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            topics = admin.listTopics().names().get();
        }
        StringBuilder all = new StringBuilder();
        for (String topic : topics) {
            // Uncommitted too: an aborted transaction's records are on the broker's disk all the same.
            for (ConsumerRecord<String, byte[]> record : TopicRecords.readUncommitted(servers, topic,
                    new ByteArrayDeserializer())) {
                all.append(record.key() == null ? "" : record.key()).append(' ').append(text(record.value())).append(' ');
                for (Header header : record.headers()) {
                    all.append(header.key()).append('=').append(text(header.value())).append(' ');
                }
                if (sealing != null && record.value() != null && record.value().length > 0
                        && record.value()[0] == '{') {
                    try {
                        JsonNode tree = EventJson.mapper().readTree(record.value());
                        all.append(sealing.open(tree)).append('\n');
                    } catch (RuntimeException notJson) {
                        // not one of ours: its raw text is already in
                    }
                }
            }
        }
        return all.toString();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Sealing sealing() {
        return StandaloneSealing.of(EmbeddedServers.current().kafka().bootstrapServers(),
                EmbeddedServers.DEMO_MASTER_KEY);
    }

    private static int imapPort() {
        return EmbeddedServers.current().mail().imapPort();
    }
}
