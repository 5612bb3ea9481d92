package io.hearken.intake.hotline.parsing;

import io.hearken.intake.hotline.call.Call;
import java.nio.charset.Charset;
import java.util.List;

/** What a file or upload held: the good calls, and the problems of the rest. */
public record Parsed(TranscriptFormat format, Charset charset, List<Call> calls, List<Problem> problems) {

    public Parsed {
        calls = List.copyOf(calls);
        problems = List.copyOf(problems);
    }
}
