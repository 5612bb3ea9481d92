package io.hearken.intake.web.open311;

import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.i18n.WebLocales;
import io.hearken.intake.web.i18n.WebMessages;
import io.hearken.intake.web.intake.IdempotencyConflict;
import io.hearken.intake.web.intake.IntakeUnavailable;
import io.hearken.intake.web.intake.InvalidSubmission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of the Open311 API answered in the spec's {@code errors} format, in the request's own format, with the
 * HTTP status as the error's code. First among the advices, so the JSON API's problem answers never reach Open311.
 */
@RestControllerAdvice(assignableTypes = Open311Api.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Api.class);

    private final Open311Rendering rendering;
    private final WebMessages messages;

    Open311Errors(Open311Rendering rendering, WebMessages messages) {
        this.rendering = rendering;
        this.messages = messages;
    }

    @ExceptionHandler(Open311Error.class)
    ResponseEntity<String> error(Open311Error e, HttpServletRequest request) {
        return errors(request, e.code, e.getMessage());
    }

    /** Field problems in one description, each in the caller's language. */
    @ExceptionHandler(InvalidSubmission.class)
    ResponseEntity<String> invalid(InvalidSubmission e, HttpServletRequest request) {
        Locale locale = WebLocales.resolveForApi(request);
        return errors(request, 400, e.violations().stream()
                .map(v -> v.field() + ": " + messages.violation(v, locale)).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request"));
    }

    @ExceptionHandler(RateLimiter.RateLimited.class)
    ResponseEntity<String> rateLimited(RateLimiter.RateLimited e, HttpServletRequest request) {
        ResponseEntity<String> body = errors(request, 429, "too many requests, retry after " + e.retryAfterSeconds()
                + " s");
        return ResponseEntity.status(429).headers(body.getHeaders())
                .header("Retry-After", String.valueOf(e.retryAfterSeconds())).body(body.getBody());
    }

    @ExceptionHandler(IntakeUnavailable.class)
    ResponseEntity<String> unavailable(IntakeUnavailable e, HttpServletRequest request) {
        log.warn("Open311 intake unavailable: {}", e.getMessage());
        ResponseEntity<String> body = errors(request, 503, "service temporarily unavailable, nothing was saved; "
                + "please retry later");
        return ResponseEntity.status(503).headers(body.getHeaders()).header("Retry-After", "30").body(body.getBody());
    }

    @ExceptionHandler(IdempotencyConflict.class)
    ResponseEntity<String> conflict(IdempotencyConflict e, HttpServletRequest request) {
        return errors(request, 422, e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<String> missing(Exception e, HttpServletRequest request) {
        return errors(request, 400, e.getMessage());
    }

    /** Anything else still answers in the spec's format: a client's own error with its status, else 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return errors(request, known.getStatusCode().value(), e.getMessage());
        }
        log.warn("Open311 request {} failed", request.getRequestURI(), e);
        return errors(request, 500, "internal error, please retry later");
    }

    ResponseEntity<String> errors(HttpServletRequest request, int code, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("description", description);
        String format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
        ResponseEntity<String> body = rendering.render(format, List.of(error), "errors", "error");
        return ResponseEntity.status(code).headers(body.getHeaders()).body(body.getBody());
    }
}
