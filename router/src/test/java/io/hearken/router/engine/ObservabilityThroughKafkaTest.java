package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedServers;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import io.hearken.events.Events;
import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.kafka.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * What an operator sees of the router, through the real broker: one complaint is one trace from the observed
 * send through the streams topology to the department's listener (W3C {@code traceparent} on every record),
 * log lines name the complaint, and the Prometheus scrape and the probes answer.
 */
@SpringBootTest(classes = RouterThroughKafkaTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hearken.embedded.mode=test", "hearken.elasticsearch.uris=http://127.0.0.1:9", "spring.mail.host=127.0.0.1",
                "hearken.privacy.secret=router-test-secret", "hearken.router.application-id=hearken-router-observed",
                "management.tracing.sampling.probability=1.0"})
@AutoConfigureTestRestTemplate
@Import(ObservabilityThroughKafkaTest.Desk.class)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityThroughKafkaTest {

    /** Stands for the desk: a listener on the maintenance queue, made by Boot's container factory. */
    @TestConfiguration
    static class Desk {
        private static final Logger log = LoggerFactory.getLogger(Desk.class);

        @KafkaListener(topics = "dept.maintenance.assignments", groupId = "observed-desk")
        void on(ComplaintEvent event) {
            log.info("Assignment seen by the desk");
        }
    }

    @Autowired
    KafkaTemplate<String, ComplaintEvent> kafka;

    @Autowired
    TestRestTemplate rest;

    @Test
    void oneComplaintIsOneTraceAcrossTheRouterAndTheLogsNameIt(CapturedOutput output) throws Exception {
        ComplaintReceived c = new ComplaintReceived(Events.newId(), TrackingIds.next(), Instant.now(), Channel.WEB,
                "form", null, new Contact("王芳", "wang.fang@example.com", null), ResidentType.TENANT,
                Place.of("3号楼", "1203"), null, "卫生间水管漏水，水都流到楼下了", null, "zh-CN", List.of(), Map.of());
        String key = c.complaintId().value();

        SendResult<String, ComplaintEvent> sent = kafka.send(Topics.INTAKE_WEB, key, c).get();
        String sentParent = traceparent(sent.getProducerRecord().headers().lastHeader("traceparent"));
        assertThat(sentParent).as("the observed template writes a W3C traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        String traceId = sentParent.substring(3, 35);

        ConsumerRecord<String, byte[]> routed = awaitRecord(Topics.ROUTED, key);
        ConsumerRecord<String, byte[]> assigned = awaitRecord(Topics.assignments("maintenance"), key);
        for (ConsumerRecord<String, byte[]> out : List.of(routed, assigned)) {
            String parent = traceparent(out.headers().lastHeader("traceparent"));
            assertThat(parent).as("traceparent on %s", out.topic()).startsWith("00-" + traceId + "-");
            assertThat(parent).as("the router's own span is the parent, not the sender's").isNotEqualTo(sentParent);
            assertThat(out.headers().headers("traceparent")).hasSize(1);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(output.getAll().lines()
                .filter(l -> l.contains("Assignment seen by the desk")).toList())
                .as("the listener's log line carries the trace and the complaint id")
                .anySatisfy(l -> assertThat(l).contains(traceId).contains("complaintId=" + key)));
    }

    @Test
    void aLogLineOfTheRouterNamesTheComplaintItWasAbout(CapturedOutput output) throws Exception {
        String key = TrackingIds.next().value();
        String bootstrap = EmbeddedServers.current().kafka().bootstrapServers();
        try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>(Topics.INTAKE_WEB, key, "{\"type\":\"complaint-received\",")).get();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(output.getAll().lines()
                .filter(l -> l.contains("Dead-lettering a record")).toList())
                .anySatisfy(l -> assertThat(l).contains("complaintId=" + key)));
        assertThat(output.getAll().lines().filter(l -> l.contains("complaintId=")))
                .as("no stale complaint id on lines of other work")
                .allSatisfy(l -> assertThat(l).containsPattern("complaintId=HK-"));
    }

    @Test
    void prometheusShowsHttpJvmKafkaLagAndStreamsMetricsAndTheProbesAnswer() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            ResponseEntity<String> ready = rest.getForEntity("/actuator/health/readiness", String.class);
            assertThat(ready.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(ready.getBody()).contains("\"UP\"");
        });
        ResponseEntity<String> live = rest.getForEntity("/actuator/health/liveness", String.class);
        assertThat(live.getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            ResponseEntity<String> scrape = rest.getForEntity("/actuator/prometheus", String.class);
            assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(scrape.getBody())
                    .contains("http_server_requests_seconds_count")
                    .contains("jvm_memory_used_bytes")
                    .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{client_id=\"consumer-observed-desk")
                    .as("the router's Streams consumer too").containsPattern(
                            "kafka_consumer_fetch_manager_records_lag_max\\{client_id=\"hearken-router-observed-.*-consumer")
                    .contains("kafka_stream_")
                    .contains("spring_kafka_listener_seconds_count")
                    .contains("spring_kafka_template_seconds_count");
        });
    }

    private static String traceparent(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            read(topic).stream().filter(r -> key.equals(r.key())).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic) {
        return TopicRecords.read(EmbeddedServers.current().kafka().bootstrapServers(), topic, new ByteArrayDeserializer());
    }
}
