package io.hearken.intake.hotline.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A file that fails in a way nobody foresaw, every time, is tried a few times and then quarantined instead of
 * looping for ever. The fault is real and works as root (who may read any file): a sparse regular file of 2.5 GB,
 * under a max-file-bytes raised above it, takes no disk but cannot be read into one Java array, so every read fails
 * ({@code OutOfMemoryError: Required array size too large}). Its own inbox and context (not those of
 * {@code HotlineIntegrationTest}): the other tests' watcher (64 MB limit) would reject the file at once.
 */
@SpringBootTest(properties = {"hearken.embedded.mode=test", "hearken.hotline.scan-interval=200ms",
        "hearken.hotline.stable-for=1s", "hearken.hotline.max-file-bytes=4294967296", "hearken.staff.demo-accounts=true"})
class FileThatFailsEveryTimeTest {

    private static final Path OWN = temporaryFolder();

    @DynamicPropertySource
    static void ownInbox(DynamicPropertyRegistry registry) {
        registry.add("hearken.hotline.inbox", () -> OWN.resolve("inbox").toString());
    }

    @Value("${hearken.hotline.inbox}")
    Path watched;

    @Test
    void aFileThatFailsEveryTimeIsQuarantinedAfterFiveTriesInsteadOfLoopingForEver() throws Exception {
        assertThat(watched).as("this class's own inbox").isEqualTo(OWN.resolve("inbox"));
        Files.createDirectories(watched);
        Path staging = OWN.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(staging.toFile(), "rw")) {
            sparse.setLength(2_500_000_000L);
        }
        Files.move(staging, watched.resolve("huge.json"));

        Path error = OWN.resolve("rejected").resolve("huge.json.error.txt");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(error));
        assertThat(Files.readString(error)).contains("processing failed 5 times").contains("Required array size too large");
        assertThat(watched.resolve("huge.json")).doesNotExist();
        assertThat(OWN.resolve("rejected").resolve("huge.json")).exists();
        Files.delete(OWN.resolve("rejected").resolve("huge.json"));
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("hearken-hotline-fails");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
