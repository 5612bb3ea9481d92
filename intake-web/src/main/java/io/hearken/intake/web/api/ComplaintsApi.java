package io.hearken.intake.web.api;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.intake.ComplaintDraft;
import io.hearken.intake.web.intake.DraftValidation;
import io.hearken.intake.web.intake.FollowingUp;
import io.hearken.intake.web.intake.InvalidSubmission;
import io.hearken.intake.web.intake.SubmittingComplaint;
import io.hearken.intake.web.intake.Violation;
import io.hearken.intake.web.submission.AcceptingComplaint;
import io.hearken.readmodel.ComplaintLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The residents' REST API: reads each request into its record ({@link JsonBodies}), hands a new complaint to
 * {@link AcceptingComplaint} and a follow-up to {@link FollowingUp}; every refusal becomes a problem body in the
 * caller's language in {@link ApiProblems}.
 */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "complaints", description = "Submit a complaint, read its status, comment on it, rate the result")
class ComplaintsApi {

    private final AcceptingComplaint accepting;
    private final FollowingUp followingUp;
    private final DraftValidation validation;
    private final RateLimiter rateLimiter;
    private final ComplaintLookup lookup;
    private final JsonBodies bodies;
    private final WebIntakeProperties properties;

    ComplaintsApi(AcceptingComplaint accepting, FollowingUp followingUp, DraftValidation validation,
            RateLimiter rateLimiter, ComplaintLookup lookup, JsonMapper json, WebIntakeProperties properties) {
        this.accepting = accepting;
        this.followingUp = followingUp;
        this.validation = validation;
        this.rateLimiter = rateLimiter;
        this.lookup = lookup;
        this.bodies = new JsonBodies(json);
        this.properties = properties;
    }

    @Operation(summary = "Submit a complaint",
            description = "JSON body, or multipart/form-data with the same field names plus up to 5 files in "
                    + "'attachments' (JPEG, PNG, GIF, WebP, HEIC, PDF; 10 MB each). 201 only after Kafka has it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ApiRecords.NewComplaint.class))}))
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
            description = "Any unique string; a retry with the same key answers the same complaint id")
    @ApiResponse(responseCode = "201", description = "Accepted: Kafka has the complaint")
    @ApiResponse(responseCode = "200", description = "A replay of an earlier request with the same Idempotency-Key")
    @ApiResponse(responseCode = "400", description = "Field errors (listed in 'errors') or malformed JSON",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "JSON over 64 KB, a file over 10 MB",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "Neither JSON nor multipart",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another complaint",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Rate-limited (see Retry-After)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was saved (see Retry-After)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping
    ResponseEntity<ApiRecords.Accepted> submit(HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        SubmittingComplaint.Submitted result = accepting.accept(request.getRemoteAddr(), () -> {
            ApiRecords.NewComplaint body;
            List<MultipartFile> files = List.of();
            // Through a filter's wrapper too (the servlet's own request is then inside it).
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
            if (multipart != null) {
                body = ApiRecords.NewComplaint.fromForm(multipart);
                files = multipart.getFiles("attachments");
            } else if (JsonBodies.isJson(request.getContentType())) {
                body = bodies.read(request, ApiRecords.NewComplaint.class);
            } else {
                throw new ApiProblems.ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-type");
            }
            if (idempotencyKey != null && idempotencyKey.length() > 200) {
                throw new InvalidSubmission(List.of(Violation.of("Idempotency-Key", "Size", 200, 1)));
            }
            ComplaintDraft draft = body.draft();
            return new AcceptingComplaint.Submission(draft, false, false, files, new SubmittingComplaint.Source(
                    Channel.WEB, "api", idempotencyKey, null,
                    Map.of("consent", draft.consent() == null ? "api-terms" : "given")));
        });
        String id = result.id().value();
        var accepted = new ApiRecords.Accepted(id, "received", properties.publicBaseUrl() + "/track?id=" + id);
        // A replayed key answers like the first time, with the same id (200 instead of 201).
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/complaints/" + id))
                .header("Idempotent-Replayed", String.valueOf(!result.created()))
                .body(accepted);
    }

    @Operation(summary = "A complaint's status, deadlines and public history",
            description = "With the contact given at submission (header 'Hearken-Contact': never in the URL, where "
                    + "logs would keep it) "
                    + "the answer also holds the resident's own text: subject, description, building and the texts "
                    + "of the history. Never a name, an e-mail, a phone number or the unit.")
    @Parameter(name = "Hearken-Contact", in = ParameterIn.HEADER,
            description = "The e-mail (or, without one, the phone) given at submission")
    @GetMapping("/{id}")
    ApiRecords.ComplaintStatus get(@PathVariable String id, HttpServletRequest request,
            @RequestHeader(name = "Hearken-Contact", required = false) String contact) {
        if (!ComplaintId.isValid(id)) {
            throw new ApiProblems.ApiProblem(HttpStatus.NOT_FOUND, "not-found");
        }
        ComplaintId complaintId = ComplaintId.of(id);
        var view = lookup.find(complaintId)
                .orElseThrow(() -> new ApiProblems.ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        boolean own = false;
        if (!blank(contact)) {
            rateLimiter.ensureLeft(request.getRemoteAddr()); // used up by wrong guesses: no guess is checked
            if (!followingUp.matches(view, contact)) {
                rateLimiter.check(request.getRemoteAddr()); // wrong guesses count against the address's limit
                throw new ApiProblems.ApiProblem(HttpStatus.FORBIDDEN, "contact-mismatch");
            }
            own = true;
        }
        // Whoever knows only the id sees the state; the resident's words need the resident's contact.
        return ApiRecords.ComplaintStatus.of(view, lookup.timeline(complaintId), own);
    }

    @Operation(summary = "A follow-up from the resident",
            description = "'contact' must be the e-mail (or, without one, the phone) given at submission.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ApiRecords.NewComment.class))}))
    @PostMapping("/{id}/comments")
    ResponseEntity<ApiRecords.EventAccepted> comment(@PathVariable String id, HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        rateLimiter.check(request.getRemoteAddr());
        ApiRecords.NewComment body = bodies.readOr(request, ApiRecords.NewComment.class, ApiRecords.NewComment.NONE);
        requireValid(body);
        var event = followingUp.comment(id, body.contact(), body.text(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new ApiRecords.EventAccepted(event.complaintId().value(), event.eventId(), "follow-up-received"));
    }

    @Operation(summary = "The resident's satisfaction (1-5) once resolved; below 3 reopens the complaint",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ApiRecords.NewFeedback.class))}))
    @PostMapping("/{id}/feedback")
    ResponseEntity<ApiRecords.EventAccepted> feedback(@PathVariable String id, HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        rateLimiter.check(request.getRemoteAddr());
        ApiRecords.NewFeedback body = bodies.readOr(request, ApiRecords.NewFeedback.class, ApiRecords.NewFeedback.NONE);
        requireValid(body);
        var event = followingUp.feedback(id, body.contact(), body.score(), body.comment(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new ApiRecords.EventAccepted(event.complaintId().value(), event.eventId(), "feedback-given"));
    }

    /** A request record checked by its annotations; its problems answer 400 like a submission's. */
    private void requireValid(Object body) {
        List<Violation> problems = validation.check(body);
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
