package io.hearken.intake.hotline.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.intake.hotline.HotlineIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Abuse probes on the transcript inbox: a symbolic link to a file elsewhere is never read; names at the file
 * system's limit, with spaces, shell characters, a newline or a leading dash end up in {@code processed/} or
 * {@code rejected/} (with their error file) and nowhere else, also when the same name comes twice.
 */
class InboxAbuseTest extends HotlineIntegrationTest {

    static byte[] call(String id) {
        return ("[{\"call_id\": \"" + id + "\", \"caller_number\": \"13800009999\", \"summary\": \"电梯异响\"}]")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLinkToAFileOutsideTheInboxIsNeverRead() throws Exception {
        Path outside = Files.createDirectories(ROOT.resolve("outside")).resolve("secret.json");
        Files.write(outside, call("ABUSE-LINK-1"));
        Path link = Files.createSymbolicLink(inbox().resolve("link.json"), outside);
        // A real file after it: once it is processed, the scanner has passed the link more than once.
        dropBytes("after-link.json", call("ABUSE-AFTER-LINK-1"));
        awaitFile(processed(), "after-link.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> hotlineEvents("ABUSE-AFTER-LINK-").size() == 1);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(outside).exists();
        assertThat(hotlineEvents("ABUSE-LINK-")).isEmpty();
        assertThat(processed().resolve("link.json")).doesNotExist();
        assertThat(rejected().resolve("link.json")).doesNotExist();
        Files.delete(link);
    }

    @Test
    void oddAndOverlongNamesStayInTheirFoldersWithTheirErrorFiles() throws Exception {
        String longest = "x".repeat(250) + ".json"; // 255 bytes: "<name>.error.txt" would not fit
        String[] names = {"a b; rm -rf ~.json", "-n.json", "名字\n换行.json", "tab\there.json", longest};
        for (String name : names) {
            dropBytes(name, "{ not json".getBytes(StandardCharsets.UTF_8));
        }
        for (String name : names) {
            awaitFile(rejected(), name);
        }
        // The same overlong name again: a stamp is added, cut to fit.
        dropBytes(longest, "{ still not json".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(inbox().resolve(longest)));
        try (Stream<Path> inRejected = Files.list(rejected())) {
            List<String> all = inRejected.map(p -> p.getFileName().toString()).toList();
            for (String name : List.of("a b; rm -rf ~.json", "-n.json", "名字\n换行.json", "tab\there.json")) {
                assertThat(all).contains(name, name + ".error.txt");
            }
            assertThat(all.stream().filter(n -> n.startsWith("x".repeat(200)))).hasSize(4)
                    .allSatisfy(n -> assertThat(n.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255))
                    .anySatisfy(n -> assertThat(n).endsWith("~.json.error.txt"))
                    .anySatisfy(n -> assertThat(n).matches("x+~?\\.\\d{8}T.*\\.json"));
        }
        // Nothing was written beside the folders (e.g. by a name read as a path).
        try (Stream<Path> top = Files.list(ROOT)) {
            assertThat(top.map(p -> p.getFileName().toString()))
                    .allMatch(n -> List.of("inbox", "processed", "rejected", "staging", "outside").contains(n));
        }
        try (Stream<Path> left = Files.list(inbox())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("x") || n.contains("json\n"));
        }
    }
}
