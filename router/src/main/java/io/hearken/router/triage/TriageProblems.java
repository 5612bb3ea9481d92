package io.hearken.router.triage;

import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad triage requests as RFC 9457 problems, in English and Chinese. */
@RestControllerAdvice(assignableTypes = TriageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TriageProblems {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid triage request / 请求无效", String.join("; ", errors));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, "Unreadable triage request / 无法解析请求",
                "send JSON like {\"text\": \"...\"} / 请发送 JSON，例如 {\"text\": \"...\"}"));
    }

    /** The client address used up its {@link TriageLimit}. */
    static final class TooMany extends RuntimeException {
        final long retryAfterSeconds;

        TooMany(long retryAfterSeconds) {
            super("too many triage requests from this address");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    @ExceptionHandler(TooMany.class)
    ResponseEntity<ProblemDetail> tooMany(TooMany e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests / 请求过于频繁",
                "try again in " + e.retryAfterSeconds + " s / 请 " + e.retryAfterSeconds + " 秒后再试");
        return ResponseEntity.status(429).header("Retry-After", String.valueOf(e.retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type / 不支持的内容类型",
                "use Content-Type: application/json / 请使用 application/json"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://hearken.io/problems/triage"));
        problem.setInstance(URI.create("/api/v1/triage"));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
