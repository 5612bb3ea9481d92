package io.hearken.embedded;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Each embedded server, over its real protocol. */
class EmbeddedServersTest {

    static EmbeddedServers servers;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        servers = EmbeddedServers.shared(EmbeddedSettings.from(new MockEnvironment().withProperty("hearken.embedded.mode", "test")));
    }

    @Test
    void kafkaBrokerTakesAndHandsOutRecords() throws Exception {
        String bootstrap = servers.kafka().bootstrapServers();
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("embedded.check", "HK-7K2M-9QXD", "漏水")).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("embedded.check"));
            ConsumerRecord<String, String> record = null;
            for (int i = 0; i < 50 && record == null; i++) {
                var records = consumer.poll(Duration.ofMillis(500));
                record = records.isEmpty() ? null : records.iterator().next();
            }
            assertThat(record).isNotNull();
            assertThat(record.key()).isEqualTo("HK-7K2M-9QXD");
            assertThat(record.value()).isEqualTo("漏水");
        }
    }

    @Test
    void elasticsearchMatchesChineseWordsWithTheAnalyzersProductionAlsoHas() throws Exception {
        String es = servers.elasticsearch().uri();
        send("PUT", es + "/zh-check", """
                {"mappings":{"properties":{
                  "smart":{"type":"text","analyzer":"smartcn"},
                  "bigram":{"type":"text","analyzer":"cjk"}}}}""");
        String text = "三号楼电梯困人，十分危险，请尽快派人维修";
        send("PUT", es + "/zh-check/_doc/1?refresh=true", "{\"smart\":\"" + text + "\",\"bigram\":\"" + text + "\"}");
        send("PUT", es + "/zh-check/_doc/2?refresh=true", "{\"smart\":\"楼道垃圾没人清理\",\"bigram\":\"楼道垃圾没人清理\"}");

        // smartcn segments 电梯 as one word, so the query finds the lift complaint and not the rubbish one.
        String smart = send("POST", es + "/zh-check/_search", "{\"query\":{\"match\":{\"smart\":\"电梯\"}}}");
        assertThat(smart).contains("\"_id\":\"1\"").doesNotContain("\"_id\":\"2\"").contains("\"value\":1");
        String bigram = send("POST", es + "/zh-check/_search", "{\"query\":{\"match_phrase\":{\"bigram\":\"维修\"}}}");
        assertThat(bigram).contains("\"_id\":\"1\"").contains("\"value\":1");
        String tokens = send("POST", es + "/zh-check/_analyze", "{\"analyzer\":\"smartcn\",\"text\":\"电梯困人\"}");
        assertThat(tokens).contains("\"token\":\"电梯\"");
    }

    @Test
    void mailSentOverSmtpCanBeReadOverImapInTheRecipientsOwnMailbox() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(servers.mail().smtpPort()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("resident@example.com"));
        message.setRecipients(Message.RecipientType.TO, "complaints@hearken.local, zhang.wei@example.com");
        message.setSubject("[HK-7K2M-9QXD] 楼上漏水", "UTF-8");
        message.setText("卫生间天花板漏水", "UTF-8");
        Transport.send(message);

        assertThat(subjectsIn(session, EmbeddedMail.COMPLAINTS_ADDRESS, EmbeddedMail.COMPLAINTS_PASSWORD))
                .contains("[HK-7K2M-9QXD] 楼上漏水");
        assertThat(subjectsIn(session, "zhang.wei@example.com", "zhang.wei@example.com"))
                .contains("[HK-7K2M-9QXD] 楼上漏水");
    }

    @Test
    void springPropertiesPointAtTheRunningServers() {
        Map<String, Object> p = servers.properties();
        assertThat(p.get("spring.kafka.bootstrap-servers")).isEqualTo(servers.kafka().bootstrapServers());
        assertThat(p.get("hearken.elasticsearch.uris")).isEqualTo(servers.elasticsearch().uri());
        assertThat(p.get("spring.mail.port")).isEqualTo(servers.mail().smtpPort());
        assertThat(p.get("hearken.email.imap.username")).isEqualTo("complaints@hearken.local");
    }

    @Test
    void aSecondServerOnATakenPortIsRefusedWithAClearMessage() {
        int taken = servers.kafka().port();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedKafka.start(
                        java.nio.file.Files.createTempDirectory("hearken-second-kafka"), taken))
                .hasMessageContaining("Port " + taken + " is taken");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedMail.start(
                        java.nio.file.Files.createTempDirectory("hearken-second-mail"), EmbeddedMail.limits(10, 10, 10),
                        servers.mail().smtpPort(), 0))
                .hasMessageContaining("is taken");
    }

    private List<String> subjectsIn(Session session, String user, String password) throws Exception {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", servers.mail().imapPort(), user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new java.util.ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            return subjects;
        } finally {
            store.close();
        }
    }

    private static String send(String method, String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + " → " + response.body()).isBetween(200, 299);
        return response.body();
    }
}
