package io.hearken.intake.hotline.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hearken.intake.hotline.HotlineProperties;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.parsing.Parsed;
import io.hearken.intake.hotline.parsing.Problem;
import io.hearken.intake.hotline.parsing.TranscriptFormat;
import io.hearken.intake.hotline.parsing.Transcripts;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Any bytes a call centre may drop in the inbox or upload, in each of the three formats: every call is either
 * taken (an id, some text) or a problem with its line and a reason; the file as a whole may be a problem of line 0.
 * Any other exception, an Error or a hang is a bug. Small limits, so that the fuzzer reaches them. In the normal
 * suite this replays the kept inputs in {@code src/test/resources/io/hearken/intake/hotline/fuzz/
 * TranscriptsFuzzTestInputs/<method>}; {@code bench/fuzz} runs the coverage-guided search.
 */
class TranscriptsFuzzTest {

    private static final HotlineProperties PROPERTIES = new HotlineProperties(Path.of("target/inbox"), false,
            Duration.ofSeconds(1), Duration.ofSeconds(1), ZoneId.of("Asia/Shanghai"), 500, Duration.ofSeconds(10), 1000,
            "hotline.processed-calls", Duration.ofDays(1), 1 << 20, List.of(), 20, 1000);

    private static final Transcripts TRANSCRIPTS = transcripts();

    @FuzzTest(maxDuration = "10s")
    void csv(byte[] bytes) {
        check(bytes, TranscriptFormat.CSV);
    }

    @FuzzTest(maxDuration = "10s")
    void json(byte[] bytes) {
        check(bytes, TranscriptFormat.JSON);
    }

    @FuzzTest(maxDuration = "10s")
    void text(byte[] bytes) {
        check(bytes, TranscriptFormat.TEXT);
    }

    private static void check(byte[] bytes, TranscriptFormat format) {
        Parsed parsed = TRANSCRIPTS.parse(bytes, format);
        assertThat(parsed.calls().isEmpty() && parsed.problems().isEmpty())
                .as("a file is neither taken nor refused").isFalse();
        for (Call call : parsed.calls()) {
            assertThat(call.callId()).isNotBlank();
            assertThat(call.isTextPresent()).isTrue();
            assertThat(call.line()).isPositive();
            assertThat(call.turns()).hasSizeLessThanOrEqualTo(PROPERTIES.maxTurns());
        }
        for (Problem problem : parsed.problems()) {
            assertThat(problem.reason()).isNotBlank();
            assertThat(problem.line()).isNotNegative();
        }
    }

    /** The parser's constructor is Spring's to call; the fuzz package reaches it like the container does. */
    private static Transcripts transcripts() {
        try {
            Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
            Constructor<Transcripts> c = Transcripts.class.getDeclaredConstructor(Validator.class,
                    HotlineProperties.class);
            c.setAccessible(true);
            return c.newInstance(validator, PROPERTIES);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
