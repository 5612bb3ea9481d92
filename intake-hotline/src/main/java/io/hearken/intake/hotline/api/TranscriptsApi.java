package io.hearken.intake.hotline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hearken.intake.hotline.HotlineProperties;
import io.hearken.intake.hotline.parsing.Parsed;
import io.hearken.intake.hotline.parsing.Problem;
import io.hearken.intake.hotline.parsing.TranscriptFormat;
import io.hearken.intake.hotline.parsing.Transcripts;
import io.hearken.intake.hotline.publishing.CallOutcome;
import io.hearken.intake.hotline.publishing.PublishFailed;
import io.hearken.intake.hotline.publishing.PublishingCalls;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/hotline/transcripts}: a CTI system uploads the same formats as the folder takes, and
 * gets one result per call once Kafka has acknowledged every accepted call. Repeating an upload is safe:
 * calls already published come back as {@code duplicate} with their complaint id. Who may upload (a key of
 * {@code hearken.hotline.api-keys} or a signed-in staff member) is {@link TranscriptsAccess}'s; the size is
 * checked here, from {@code Content-Length} before anything is read and while reading a chunked body.
 */
// No @Validated: Spring MVC validates the @Pattern parameter itself and answers 400 as a problem.
@RestController
@RequestMapping("/api/v1/hotline/transcripts")
class TranscriptsApi {

    private final Transcripts transcripts;
    private final PublishingCalls publishing;
    private final HotlineProperties properties;
    private final MeterRegistry meters;

    TranscriptsApi(Transcripts transcripts, PublishingCalls publishing, HotlineProperties properties,
            MeterRegistry meters) {
        this.transcripts = transcripts;
        this.publishing = publishing;
        this.properties = properties;
        this.meters = meters;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(int line, String callId, String outcome, String complaintId, String matchedBy, String reason) {

        static Result of(CallOutcome o) {
            return new Result(o.line(), o.callId(), o.outcome().label(), o.complaintId(), o.matchedBy(), o.reason());
        }

        static Result of(Problem p) {
            return new Result(p.line(), p.callId(), CallOutcome.Kind.REJECTED.label(), null, null, p.reason());
        }
    }

    record Summary(String format, String charset, int calls, int complaints, int followUps, int duplicates,
            int rejected, List<Result> results) {
    }

    @PostMapping
    ResponseEntity<Summary> upload(HttpServletRequest request,
            @RequestParam(required = false)
            @Pattern(regexp = "(?i)json|csv|text|txt", message = "format 应为 json、csv 或 text / format must be json, csv or text")
            String format,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType)
            throws PublishFailed, IOException {
        long max = properties.maxFileBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        byte[] body = readAtMost(request.getInputStream(), max);
        if (body.length == 0) {
            throw new HotlineProblem(HttpStatus.BAD_REQUEST, "Empty upload", "上传内容为空 / the upload is empty");
        }
        TranscriptFormat f = TranscriptFormat.of(format).or(() -> TranscriptFormat.of(contentType))
                .orElseThrow(() -> new HotlineProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unknown transcript format",
                        "请用 Content-Type application/json、text/csv、text/plain 或参数 format=json|csv|text / use Content-Type "
                                + "application/json, text/csv or text/plain, or the parameter format=json|csv|text"));
        Parsed parsed = transcripts.parse(body, f);
        if (parsed.calls().isEmpty()) {
            meters.counter("hearken.hotline.calls", "outcome", "rejected", "via", "cti").increment(parsed.problems().size());
            throw new HotlineProblem(HttpStatus.UNPROCESSABLE_CONTENT, "No call could be read",
                    "上传中没有可用的通话 / the upload holds no usable call").with("errors",
                    parsed.problems().stream().map(Result::of).toList());
        }
        List<CallOutcome> outcomes = publishing.publish(parsed.calls(), "cti", "upload");
        if (!parsed.problems().isEmpty()) {
            meters.counter("hearken.hotline.calls", "outcome", "rejected", "via", "cti").increment(parsed.problems().size());
        }
        List<Result> results = new ArrayList<>();
        outcomes.forEach(o -> results.add(Result.of(o)));
        parsed.problems().forEach(p -> results.add(Result.of(p)));
        results.sort(Comparator.comparingInt(Result::line));
        return ResponseEntity.ok(new Summary(f.name().toLowerCase(Locale.ROOT), parsed.charset().name(),
                results.size(), count(outcomes, CallOutcome.Kind.COMPLAINT), count(outcomes, CallOutcome.Kind.FOLLOW_UP),
                count(outcomes, CallOutcome.Kind.DUPLICATE), parsed.problems().size(), results));
    }

    private static int count(List<CallOutcome> outcomes, CallOutcome.Kind kind) {
        return (int) outcomes.stream().filter(o -> o.outcome() == kind).count();
    }

    /** The whole body, or a 413 as soon as it grows past {@code max} (a chunked body announces no length). */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            throw tooLarge(max);
        }
        return body;
    }

    private static HotlineProblem tooLarge(long max) {
        return new HotlineProblem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large",
                "上传超过 " + max + " 字节 / the upload is larger than " + max + " bytes");
    }
}
