package io.hearken.intake.hotline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.intake.hotline.HotlineProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** With {@code hearken.hotline.api-keys} set, an upload without one of the keys is refused before anything is read. */
class ApiKeyTest {

    final TranscriptsApi api = new TranscriptsApi(null, null, new HotlineProperties(Path.of("inbox"), false,
            Duration.ofSeconds(1), Duration.ofSeconds(1), ZoneId.of("UTC"), 10, Duration.ofSeconds(1), 10, "calls",
            Duration.ofDays(1), 1000, List.of("key-1", "key-2"), 5000, 200_000), null);

    @Test
    void aMissingOrWrongKeyIsUnauthorized() {
        for (String key : new String[] {null, "", "key-3"}) {
            assertThatThrownBy(() -> api.upload(new byte[] {'x'}, null, "application/json", key))
                    .isInstanceOfSatisfying(HotlineProblem.class, p -> assertThat(p.status).isEqualTo(HttpStatus.UNAUTHORIZED));
        }
    }

    @Test
    void aRightKeyGetsPastTheCheck() {
        // Past the key check, the next check (size limit of 1000 bytes here) answers.
        assertThatThrownBy(() -> api.upload(new byte[2000], null, "application/json", "key-2"))
                .isInstanceOfSatisfying(HotlineProblem.class, p -> assertThat(p.status).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }
}
