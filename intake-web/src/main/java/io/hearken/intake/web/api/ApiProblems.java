package io.hearken.intake.web.api;

import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.attachments.AttachmentTooLarge;
import io.hearken.intake.web.i18n.WebLocales;
import io.hearken.intake.web.i18n.WebMessages;
import io.hearken.intake.web.intake.FollowingUp;
import io.hearken.intake.web.intake.IdempotencyConflict;
import io.hearken.intake.web.intake.IntakeUnavailable;
import io.hearken.intake.web.intake.InvalidSubmission;
import io.hearken.intake.web.intake.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * RFC 9457 problem bodies for the REST API, titles and field messages in the caller's language
 * (Accept-Language; Chinese by default). Limited to this package's controllers.
 */
@RestControllerAdvice(assignableTypes = ComplaintsApi.class)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    static final String TYPE_PREFIX = "urn:hearken:problem:";

    private final WebMessages messages;
    private final WebIntakeProperties properties;

    ApiProblems(WebMessages messages, WebIntakeProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    /** Thrown by the API itself for statuses without a dedicated exception. */
    static class ApiProblem extends RuntimeException {
        final HttpStatus status;
        final String name;

        ApiProblem(HttpStatus status, String name) {
            super(name);
            this.status = status;
            this.name = name;
        }
    }

    @ExceptionHandler(InvalidSubmission.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSubmission e, HttpServletRequest request) {
        Locale locale = WebLocales.resolveForApi(request);
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "invalid-request", locale, request);
        body.setProperty("errors", errors(e.violations(), locale));
        return respond(body);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> malformed(Exception e, HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed", WebLocales.resolveForApi(request), request));
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(Exception e, HttpServletRequest request) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-type",
                WebLocales.resolveForApi(request), request));
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> api(ApiProblem e, HttpServletRequest request) {
        return respond(problem(e.status, e.name, WebLocales.resolveForApi(request), request));
    }

    @ExceptionHandler({AttachmentTooLarge.class, MaxUploadSizeExceededException.class})
    ResponseEntity<ProblemDetail> tooLarge(Exception e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", WebLocales.resolveForApi(request), request));
    }

    @ExceptionHandler(RateLimiter.RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimiter.RateLimited e, HttpServletRequest request) {
        ProblemDetail body = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", WebLocales.resolveForApi(request),
                request);
        return ResponseEntity.status(429).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(IntakeUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(IntakeUnavailable e, HttpServletRequest request) {
        log.warn("Web intake unavailable: {}", e.getMessage());
        return serviceUnavailable("unavailable", request);
    }

    /** The read model (Elasticsearch) cannot be reached: temporary, like a broker that is down. */
    @ExceptionHandler({java.io.UncheckedIOException.class,
            co.elastic.clients.elasticsearch._types.ElasticsearchException.class})
    ResponseEntity<ProblemDetail> readModelUnavailable(RuntimeException e, HttpServletRequest request) {
        log.warn("Read model unavailable for {}: {}", request.getRequestURI(), e.toString());
        return serviceUnavailable("read-model-unavailable", request);
    }

    /** 503 with Retry-After and the hotline, in the caller's language. */
    private ResponseEntity<ProblemDetail> serviceUnavailable(String name, HttpServletRequest request) {
        Locale locale = WebLocales.resolveForApi(request);
        ProblemDetail body = problem(HttpStatus.SERVICE_UNAVAILABLE, name, locale, request);
        body.setDetail(messages.get("problem." + name + ".detail", locale, properties.hotline()));
        body.setProperty("hotline", properties.hotline());
        return ResponseEntity.status(503).header("Retry-After", "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(IdempotencyConflict.class)
    ResponseEntity<ProblemDetail> conflict(IdempotencyConflict e, HttpServletRequest request) {
        return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                WebLocales.resolveForApi(request), request));
    }

    @ExceptionHandler(FollowingUp.Refused.class)
    ResponseEntity<ProblemDetail> refused(FollowingUp.Refused e, HttpServletRequest request) {
        Locale locale = WebLocales.resolveForApi(request);
        return respond(switch (e.reason()) {
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "not-found", locale, request);
            case NOT_YOURS -> problem(HttpStatus.FORBIDDEN, "contact-mismatch", locale, request);
            case NOT_RESOLVED -> problem(HttpStatus.CONFLICT, "not-resolved", locale, request);
        });
    }

    /**
     * Whatever else goes wrong still answers with a problem body: Spring's own client errors (a missing header,
     * a wrong method) with their status, anything else as 500 with the hotline.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        Locale locale = WebLocales.resolveForApi(request);
        if (e instanceof org.springframework.web.ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            ProblemDetail body = problem(status, status == HttpStatus.BAD_REQUEST ? "malformed" : "request", locale,
                    request);
            if (known.getBody().getDetail() != null) {
                body.setProperty("reason", known.getBody().getDetail()); // Spring's own words, English
            }
            return respond(body);
        }
        log.error("Web API request {} failed", request.getRequestURI(), e);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", locale, request);
        body.setDetail(messages.get("problem.internal.detail", locale, properties.hotline()));
        body.setProperty("hotline", properties.hotline());
        return respond(body);
    }

    ProblemDetail problem(HttpStatus status, String name, Locale locale, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setType(URI.create(TYPE_PREFIX + name));
        body.setTitle(messages.get("problem." + name + ".title", locale));
        body.setDetail(messages.get("problem." + name + ".detail", locale));
        body.setInstance(URI.create(request.getRequestURI()));
        return body;
    }

    List<ApiRecords.FieldError> errors(List<Violation> violations, Locale locale) {
        return violations.stream().map(v -> new ApiRecords.FieldError(v.field(), v.code(),
                messages.violation(v, locale))).toList();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
