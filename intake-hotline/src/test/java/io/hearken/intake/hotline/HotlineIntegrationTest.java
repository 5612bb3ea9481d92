package io.hearken.intake.hotline;

import static org.awaitility.Awaitility.await;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.FollowUpReceived;
import io.hearken.events.Topics;
import io.hearken.events.kafka.TopicRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for the integration tests (they share it): the real embedded Kafka and Elasticsearch,
 * a temporary inbox watched with short intervals. Events are read back from the real intake.hotline topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hearken.embedded.mode=test", "server.port=0",
        "hearken.hotline.scan-interval=200ms", "hearken.hotline.stable-for=1s",
        "hearken.hotline.chunk-size=500", "hearken.hotline.progress-every=500",
        "hearken.hotline.api-keys=" + HotlineIntegrationTest.API_KEY, "hearken.staff.demo-accounts=true"})
@AutoConfigureTestRestTemplate
public abstract class HotlineIntegrationTest {

    /** The CTI system's key in these tests. */
    public static final String API_KEY = "cti-test-key";

    protected static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("hearken-hotline-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("hearken.hotline.inbox", () -> ROOT.resolve("inbox").toString());
    }

    protected static Path inbox() {
        return ROOT.resolve("inbox");
    }

    protected static Path processed() {
        return ROOT.resolve("processed");
    }

    protected static Path rejected() {
        return ROOT.resolve("rejected");
    }

    /** Puts a fixture into the inbox the way a copy tool does: written in place under its own name. */
    protected static Path drop(String fixture) throws IOException {
        try (InputStream in = HotlineIntegrationTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            Path target = inbox().resolve(fixture);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    /** Writes elsewhere, then renames into the inbox (how large exports should be handed over). */
    protected static Path dropBytes(String name, byte[] content) throws IOException {
        Path staging = ROOT.resolve("staging");
        Files.createDirectories(staging);
        Path temp = staging.resolve(name);
        Files.write(temp, content);
        return Files.move(temp, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    protected static Path awaitFile(Path folder, String name) {
        return awaitFile(folder, name, Duration.ofSeconds(60));
    }

    protected static Path awaitFile(Path folder, String name, Duration patience) {
        Path file = folder.resolve(name);
        await().atMost(patience).pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(file));
        return file;
    }

    /** Every event on intake.hotline (from the beginning) whose call id starts with the prefix. */
    protected List<ConsumerRecord<String, ComplaintEvent>> hotlineEvents(String callIdPrefix) {
        List<ConsumerRecord<String, ComplaintEvent>> found = new ArrayList<>();
        for (ConsumerRecord<String, ComplaintEvent> record : TopicRecords.events(Topics.INTAKE_HOTLINE)) {
            String callId = sourceRef(record.value());
            if (callId != null && callId.startsWith(callIdPrefix)) {
                found.add(record);
            }
        }
        return found;
    }

    protected static String sourceRef(ComplaintEvent event) {
        if (event instanceof ComplaintReceived r) {
            return r.sourceRef();
        }
        if (event instanceof FollowUpReceived f) {
            return f.sourceRef();
        }
        return null;
    }
}
