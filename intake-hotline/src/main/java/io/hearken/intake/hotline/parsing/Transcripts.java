package io.hearken.intake.hotline.parsing;

import io.hearken.intake.hotline.HotlineProperties;
import io.hearken.intake.hotline.call.Call;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads any of the formats and applies the bean-validation rules of {@link Call} to every call. */
@Component
public class Transcripts {

    private final Validator validator;
    private final HotlineProperties properties;

    Transcripts(Validator validator, HotlineProperties properties) {
        this.validator = validator;
        this.properties = properties;
    }

    public Parsed parse(byte[] bytes, TranscriptFormat format) {
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        Results results = new Results(new Limits(properties.maxTurns(), properties.maxTextChars()));
        switch (format) {
            case CSV -> CsvTranscripts.read(decoded.text(), properties.zone(), results);
            case JSON -> JsonTranscripts.read(decoded.text(), properties.zone(), results);
            case TEXT -> TextTranscripts.read(decoded.text(), properties.zone(), results);
        }
        if (results.calls.isEmpty() && results.problems.isEmpty()) {
            // An empty file (or one of blank rows) is a mistake of the exporter: say so, do not file it as done.
            results.problem(0, null, "文件中没有通话 / the file holds no call");
        }
        List<Call> valid = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(results.problems);
        for (Call call : results.calls) {
            var violations = validator.validate(call);
            if (violations.isEmpty()) {
                valid.add(call);
            } else {
                problems.add(new Problem(call.line(), call.callId(), violations.stream()
                        .map(ConstraintViolation::getMessage).sorted().collect(Collectors.joining("; "))));
            }
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return new Parsed(format, decoded.charset(), valid, problems);
    }
}
