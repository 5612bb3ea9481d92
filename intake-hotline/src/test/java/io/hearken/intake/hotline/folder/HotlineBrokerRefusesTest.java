package io.hearken.intake.hotline.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The producer here lets records of up to 4 MiB go (max.request.size), the broker keeps its default limit of
 * about 1 MiB: the event passes the hotline's own size check and is refused by the broker. A refusal that will
 * never pass quarantines the call (with Kafka's reason) instead of keeping the file in the inbox for ever; the
 * other calls of the file go through.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.hotline.scan-interval=200ms",
        "hearken.hotline.stable-for=500ms", "spring.kafka.producer.properties.max.request.size=4194304"})
class HotlineBrokerRefusesTest {

    static final Path ROOT = temporary();

    @DynamicPropertySource
    static void ownInbox(DynamicPropertyRegistry registry) {
        registry.add("hearken.hotline.inbox", () -> ROOT.resolve("inbox").toString());
    }

    @Test
    void aCallTheBrokerRefusesForGoodIsQuarantinedAndTheOtherCallsGoThrough() throws Exception {
        String junk = "\\u0001".repeat(190_000); // 190,000 characters, over a megabyte in the event's JSON
        drop("refused.json", "[{\"call_id\": \"REFUSED-OK-1\", \"summary\": \"地下车库灯坏了\"},\n"
                + "{\"call_id\": \"REFUSED-1\", \"transcript\": \"" + junk + "\"},\n"
                + "{\"call_id\": \"REFUSED-OK-2\", \"summary\": \"电梯异响\"}]");

        Path error = ROOT.resolve("rejected/refused.json.error.txt");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(error));
        assertThat(ROOT.resolve("rejected/refused.json")).exists();
        assertThat(Files.readAllLines(error)).anySatisfy(l -> assertThat(l).startsWith("line 2 (call REFUSED-1)")
                .contains("Kafka refused the event as too large"));
        assertThat(HotlineEvents.on("REFUSED-")).extracting(HotlineEvents::sourceRef)
                .containsExactlyInAnyOrder("REFUSED-OK-1", "REFUSED-OK-2");
    }

    private static void drop(String name, String content) throws IOException {
        Path staging = ROOT.resolve("staging");
        Files.createDirectories(staging);
        Files.createDirectories(ROOT.resolve("inbox"));
        Path temp = Files.writeString(staging.resolve(name), content, StandardCharsets.UTF_8);
        Files.move(temp, ROOT.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path temporary() {
        try {
            return Files.createTempDirectory("hearken-hotline-broker-refuses");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
