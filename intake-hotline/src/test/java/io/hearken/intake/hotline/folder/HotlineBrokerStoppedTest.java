package io.hearken.intake.hotline.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.EmbeddedKafka;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Topics;
import io.hearken.events.kafka.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The promise "a file moves only after Kafka acknowledged every call", with a real broker of this test's own
 * that is stopped in the middle: while it is down a new file stays in the inbox (not processed, not rejected);
 * once it is back the same file goes through, and its call is one complaint.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.hotline.scan-interval=200ms",
        "hearken.hotline.stable-for=500ms", "hearken.hotline.ack-timeout=2s",
        // The send that must look the topic up again blocks for max.block.ms (Kafka's 60 s) and then fails the same way.
        "spring.kafka.producer.properties.max.block.ms=5000"})
class HotlineBrokerStoppedTest {

    static final Path ROOT = temporary("hearken-hotline-broker-stopped");
    static Path logDir;
    static int port;
    static EmbeddedKafka broker;

    @DynamicPropertySource
    static void ownBrokerAndInbox(DynamicPropertyRegistry registry) throws Exception {
        logDir = Files.createTempDirectory("hearken-hotline-stopped-kafka");
        broker = EmbeddedKafka.start(logDir, 0);
        port = broker.port();
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
        registry.add("hearken.hotline.inbox", () -> ROOT.resolve("inbox").toString());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void aFileStaysInTheInboxWhileKafkaIsDownAndGoesThroughOnceWhenItIsBack() throws Exception {
        drop("before.json", call("STOPPED-BEFORE-1", "停电之前：3号楼电梯坏了"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(ROOT.resolve("processed/before.json")));
        assertThat(callIds()).containsExactly("STOPPED-BEFORE-1");

        broker.close();
        broker = null;
        drop("during.json", call("STOPPED-DURING-1", "停电期间：5号楼楼道灯不亮"));
        // Bounded by ack-timeout, or by the producer's max.block.ms when it has to look the topic up again.
        await().atMost(Duration.ofSeconds(150)).until(() -> retriesLater() >= 1);
        assertThat(ROOT.resolve("inbox/during.json")).exists();
        assertThat(ROOT.resolve("processed/during.json")).doesNotExist();
        assertThat(ROOT.resolve("rejected/during.json")).doesNotExist();

        broker = EmbeddedKafka.start(logDir, port);
        await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(ROOT.resolve("processed/during.json")));
        // A chunk that timed out may still be delivered when the broker returns, beside the retry: the event id
        // is the call's, so consumers see one complaint. What must hold: the call got through, as one complaint.
        List<ComplaintReceived> during = received("STOPPED-DURING-1");
        assertThat(during).isNotEmpty();
        assertThat(during).extracting(ComplaintReceived::eventId).containsOnly(during.get(0).eventId());
        assertThat(during).extracting(r -> r.complaintId().value()).containsOnly(during.get(0).complaintId().value());
    }

    private double retriesLater() {
        var counter = meters.find("hearken.hotline.files").tag("result", "retry_later").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String call(String callId, String summary) {
        return "{\"call_id\":\"" + callId + "\",\"caller_number\":\"1390000" + Math.abs(callId.hashCode() % 10000)
                + "\",\"summary\":\"" + summary + "\"}";
    }

    /** Written elsewhere, then renamed in: the watcher never sees a half-written file. */
    private static void drop(String name, String content) throws Exception {
        Path staging = ROOT.resolve("staging");
        Files.createDirectories(staging);
        Files.createDirectories(ROOT.resolve("inbox"));
        Path temp = Files.writeString(staging.resolve(name), content, StandardCharsets.UTF_8);
        Files.move(temp, ROOT.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> callIds() {
        return received("STOPPED-").stream().map(ComplaintReceived::sourceRef).toList();
    }

    /** Every complaint on intake.hotline of this test's broker whose call id starts with the prefix. */
    private static List<ComplaintReceived> received(String callIdPrefix) {
        List<ComplaintReceived> found = new ArrayList<>();
        for (ConsumerRecord<String, ComplaintEvent> r : TopicRecords.events("127.0.0.1:" + port, Topics.INTAKE_HOTLINE)) {
            if (r.value() instanceof ComplaintReceived c && c.sourceRef() != null
                    && c.sourceRef().startsWith(callIdPrefix)) {
                found.add(c);
            }
        }
        return found;
    }

    private static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
