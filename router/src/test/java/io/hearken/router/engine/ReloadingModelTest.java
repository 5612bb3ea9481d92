package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swap rules without Kafka: a file that appears later, a refusal that sticks to its file, a good file after it. */
class ReloadingModelTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatAppearsLaterIsLoadedAndARefusedOneIsNotRetriedUntilItChanges() throws Exception {
        Path file = dir.resolve("model.bin");
        try (ReloadingModel model = new ReloadingModel(file, Duration.ZERO, Clock.systemUTC())) {
            assertThat(model.inService().source()).startsWith("default");
            assertThat(model.check()).isFalse();

            ModelReloadThroughKafkaTest.model("A").save(file);
            assertThat(model.check()).isTrue();
            assertThat(model.labels()).containsExactlyInAnyOrder("A-one", "A-two");
            assertThat(model.predict("florp wibble snark").get(0).label()).isEqualTo("A-one");
            String a = model.inService().sha256();
            assertThat(a).hasSize(16);
            assertThat(model.check()).as("unchanged: not read again").isFalse();

            Path junk = dir.resolve("junk");
            Files.write(junk, new byte[] {1, 2, 3, 4});
            Files.move(junk, file, StandardCopyOption.REPLACE_EXISTING);
            assertThat(model.check()).isFalse();
            assertThat(model.refused()).isNotNull();
            assertThat(model.refused().reason()).contains("cannot read model");
            assertThat(model.inService().sha256()).isEqualTo(a);
            Instant refusedAt = model.refused().at();
            assertThat(model.check()).isFalse();
            assertThat(model.refused().at()).as("the same file is not tried again").isEqualTo(refusedAt);

            Path b = dir.resolve("b");
            ModelReloadThroughKafkaTest.model("B").save(b);
            Files.setLastModifiedTime(b, FileTime.from(Instant.now().plusSeconds(5)));
            Files.move(b, file, StandardCopyOption.REPLACE_EXISTING);
            assertThat(model.check()).isTrue();
            assertThat(model.refused()).isNull();
            assertThat(model.labels()).containsExactlyInAnyOrder("B-one", "B-two");

            String b2 = model.inService().sha256();
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
            assertThat(model.check()).as("the same bytes, touched: nothing to swap").isFalse();
            assertThat(model.inService().sha256()).isEqualTo(b2);
        }
    }
}
