package io.hearken.intake.web.open311;

import io.hearken.readmodel.ComplaintListing;
import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.ComplaintView;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Place;
import io.hearken.events.Taxonomy;
import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.i18n.WebLocales;
import io.hearken.intake.web.i18n.WebMessages;
import io.hearken.intake.web.intake.ComplaintDraft;
import io.hearken.intake.web.intake.DraftValidation;
import io.hearken.intake.web.intake.IdempotencyConflict;
import io.hearken.intake.web.intake.IntakeUnavailable;
import io.hearken.intake.web.intake.SubmittingComplaint;
import io.hearken.intake.web.intake.Violation;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): services from the default taxonomy,
 * requests in and out, JSON or XML by the path's extension, errors as the spec's {@code errors} list.
 */
@Hidden
@RestController
@RequestMapping("/open311/v2")
class Open311Api {

    private static final Logger log = LoggerFactory.getLogger(Open311Api.class);
    static final Duration WINDOW = Duration.ofDays(90);
    private static final List<String> OPEN = statuses(ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED,
            ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.WAITING_ON_RESIDENT, ComplaintStatus.REOPENED);
    private static final List<String> CLOSED = statuses(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED);

    /** An Open311 error: HTTP status = the error's code. */
    static class Open311Error extends RuntimeException {
        final int code;

        Open311Error(int code, String description) {
            super(description);
            this.code = code;
        }
    }

    private final SubmittingComplaint submitting;
    private final DraftValidation validation;
    private final RateLimiter rateLimiter;
    private final ComplaintLookup lookup;
    private final ComplaintListing requests;
    private final WebMessages messages;
    private final WebIntakeProperties properties;
    private final JsonMapper json;

    Open311Api(SubmittingComplaint submitting, DraftValidation validation, RateLimiter rateLimiter,
            ComplaintLookup lookup, ComplaintListing requests, WebMessages messages, WebIntakeProperties properties,
            JsonMapper json) {
        this.submitting = submitting;
        this.validation = validation;
        this.rateLimiter = rateLimiter;
        this.lookup = lookup;
        this.requests = requests;
        this.messages = messages;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/services.{format:json|xml}")
    ResponseEntity<String> services(@PathVariable String format, HttpServletRequest request,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        Locale locale = WebLocales.resolveForApi(request);
        List<Map<String, Object>> services = Taxonomy.DEFAULT.stream().map(c -> service(c, locale)).toList();
        return render(format, services, "services", "service");
    }

    @GetMapping("/services/{code}.{format:json|xml}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        Taxonomy.byCode(code).orElseThrow(() -> new Open311Error(404, "service_code not found: " + code));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", code);
        definition.put("attributes", List.of());
        return "xml".equals(format) ? xml(Open311Xml.single("service_definition", definition))
                : jsonBody(definition);
    }

    @PostMapping(path = "/requests.{format:json|xml}")
    ResponseEntity<String> create(@PathVariable String format, HttpServletRequest request,
            @RequestParam Map<String, String> p) {
        rateLimiter.check(request.getRemoteAddr()); // before the key check, so keys cannot be guessed at speed
        if (properties.open311().apiKeys().isEmpty()) {
            throw new Open311Error(403, "no API key is configured on this server (hearken.web.open311.api-keys):"
                    + " it accepts no service requests");
        }
        if (p.get("api_key") == null || !properties.open311().apiKeys().contains(p.get("api_key"))) {
            throw new Open311Error(403, "api_key is missing or not valid");
        }
        checkJurisdiction(p.get("jurisdiction_id"));
        String code = p.get("service_code");
        if (code == null || code.isBlank()) {
            throw new Open311Error(400, "service_code is required");
        }
        var category = Taxonomy.byCode(code).orElseThrow(() -> new Open311Error(404, "service_code not found: " + code));
        Double lat = coordinate(p.get("lat"), "lat", 90);
        Double lon = coordinate(p.get("long"), "long", 180);
        String address = blankToNull(p.get("address_string"));
        if ((lat == null || lon == null) && address == null && blankToNull(p.get("address_id")) == null) {
            throw new Open311Error(400, "a location is required: lat and long, address_string or address_id");
        }
        Locale locale = WebLocales.resolveForApi(request);
        String description = blankToNull(p.get("description"));
        String name = String.join(" ", java.util.stream.Stream.of(p.get("first_name"), p.get("last_name"))
                .filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
        ComplaintDraft draft = new ComplaintDraft(name.isEmpty() ? null : name, blankToNull(p.get("email")),
                blankToNull(p.get("phone")), null, address, null, null,
                description == null ? (locale == WebLocales.EN ? category.en() : category.zh()) : description,
                code, WebLocales.tag(locale), null);
        // Open311 allows anonymous reports (a device); every other rule applies.
        List<Violation> problems = validation.check(draft, false).stream()
                .filter(v -> !"ContactRequired".equals(v.code())).toList();
        if (!problems.isEmpty()) {
            throw new Open311Error(400, problems.stream()
                    .map(v -> v.field() + ": " + messages.violation(v, locale)).reduce((a, b) -> a + "; " + b)
                    .orElse("invalid request"));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("open311.service_code", code);
        for (String extra : List.of("address_id", "device_id", "account_id", "media_url", "jurisdiction_id")) {
            if (blankToNull(p.get(extra)) != null) {
                details.put("open311." + extra, p.get(extra).strip());
            }
        }
        p.forEach((k, v) -> {
            if (k.startsWith("attribute[") && v != null && details.size() < 40) {
                details.put("open311." + k, v.length() > 500 ? v.substring(0, 500) : v);
            }
        });
        Place place = new Place(address, null, null, address, lat, lon);
        var result = submitting.submit(draft, List.of(), new SubmittingComplaint.Source(Channel.OPEN311, "open311",
                request.getHeader("Idempotency-Key"), place, details));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("service_request_id", result.id().value());
        row.put("service_notice", messages.get("open311.notice", locale, result.id().value()));
        row.put("account_id", blankToNull(p.get("account_id")));
        return render(format, List.of(row), "service_requests", "request");
    }

    @GetMapping("/requests.{format:json|xml}")
    ResponseEntity<String> list(@PathVariable String format, HttpServletRequest request,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String codes,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        Locale locale = WebLocales.resolveForApi(request);
        List<String> idList = split(ids).stream().filter(ComplaintId::isValid).map(i -> ComplaintId.of(i).value())
                .toList();
        if (!split(ids).isEmpty()) {
            // The spec: service_request_id overrides every other parameter (no window: old requests too).
            List<Map<String, Object>> rows = idList.isEmpty() ? List.of()
                    : requests.find(new ComplaintListing.Filter(idList, List.of(), List.of(), List.of(), null, null)).stream()
                            .map(r -> request(r, locale)).toList();
            return render(format, rows, "service_requests", "request");
        }
        // The spec's window: no dates → the last 90 days; one date → 90 days from/to it; never more than 90.
        Instant to = end == null ? null : date(end, "end_date");
        Instant from = start == null ? null : date(start, "start_date");
        if (to == null) {
            to = from == null ? Instant.now() : from.plus(WINDOW);
        }
        if (from == null) {
            from = to.minus(WINDOW);
        }
        if (from.isAfter(to)) {
            throw new Open311Error(400, "start_date is after end_date");
        }
        if (Duration.between(from, to).compareTo(WINDOW) > 0) {
            throw new Open311Error(400, "the date range may span at most 90 days");
        }
        List<String> statuses = switch (status == null ? "" : status.strip().toLowerCase(Locale.ROOT)) {
            case "" -> List.of();
            case "open" -> OPEN;
            case "closed" -> CLOSED;
            case "open,closed", "closed,open" -> List.of();
            default -> throw new Open311Error(400, "status must be open or closed");
        };
        List<Map<String, Object>> rows = requests.find(new ComplaintListing.Filter(List.of(), split(codes), statuses,
                List.of(Channel.OPEN311.name()), from, to)).stream().map(r -> request(r, locale)).toList();
        return render(format, rows, "service_requests", "request");
    }

    @GetMapping("/requests/{id}.{format:json|xml}")
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String format, HttpServletRequest request,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        ComplaintView v = (ComplaintId.isValid(id) ? lookup.find(ComplaintId.of(id)) : java.util.Optional.<ComplaintView>empty())
                .orElseGet(() -> {
                    rateLimiter.check(request.getRemoteAddr()); // wrong guesses count against the address's limit
                    throw new Open311Error(404, "service_request_id not found: " + id);
                });
        // The read model's view has no location or update time: the list query has them, by id.
        List<ComplaintListing.Row> rows = requests.find(new ComplaintListing.Filter(List.of(v.id()), List.of(), List.of(), List.of(), null, null));
        ComplaintListing.Row row = rows.isEmpty() ? new ComplaintListing.Row(v.id(), v.status(), v.channel(),
                v.category(), v.department(), v.building(), v.description(), v.receivedAt(), null, v.resolutionDue(),
                null) : rows.get(0);
        return render(format, List.of(request(row, WebLocales.resolveForApi(request))), "service_requests", "request");
    }

    @ExceptionHandler(Open311Error.class)
    ResponseEntity<String> error(Open311Error e, HttpServletRequest request) {
        return errors(request, e.code, e.getMessage());
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

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<String> missing(Exception e, HttpServletRequest request) {
        return errors(request, 400, e.getMessage());
    }

    /** Anything else still answers in the spec's format: a client's own error with its status, else 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return errors(request, known.getStatusCode().value(), e.getMessage());
        }
        log.warn("Open311 request {} failed", request.getRequestURI(), e);
        return errors(request, 500, "internal error, please retry later");
    }

    private ResponseEntity<String> errors(HttpServletRequest request, int code, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("description", description);
        String format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
        ResponseEntity<String> body = render(format, List.of(error), "errors", "error");
        return ResponseEntity.status(code).headers(body.getHeaders()).body(body.getBody());
    }

    private Map<String, Object> service(Taxonomy.Category c, Locale locale) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", c.code());
        s.put("service_name", locale == WebLocales.EN ? c.en() : c.zh());
        s.put("description", locale == WebLocales.EN ? c.en() : c.zh());
        s.put("metadata", false);
        s.put("type", "realtime");
        s.put("keywords", c.code());
        s.put("group", c.department());
        return s;
    }

    /**
     * One request as the spec shows it. Open311 reports are public by nature; a complaint that came in through
     * another channel (looked up by its id) shows its state, never the resident's text or address.
     */
    private Map<String, Object> request(ComplaintListing.Row row, Locale locale) {
        String status = row.status();
        boolean closed = status != null && CLOSED.contains(status);
        boolean open311 = Channel.OPEN311.name().equalsIgnoreCase(row.channel());
        var cat = row.category() == null ? java.util.Optional.<Taxonomy.Category>empty()
                : Taxonomy.byCode(row.category());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", row.id());
        r.put("status", closed ? "closed" : "open");
        r.put("status_notes", status == null ? null : status.toLowerCase(Locale.ROOT));
        r.put("service_name", cat.map(c -> locale == WebLocales.EN ? c.en() : c.zh()).orElse(null));
        r.put("service_code", row.category());
        r.put("description", open311 ? row.description() : null);
        r.put("agency_responsible", row.department());
        r.put("service_notice", null);
        r.put("requested_datetime", datetime(row.receivedAt()));
        r.put("updated_datetime", datetime(row.updatedAt()));
        r.put("expected_datetime", closed ? null : datetime(row.resolutionDue()));
        r.put("address", open311 ? row.building() : null);
        r.put("address_id", null);
        r.put("zipcode", null);
        Map<String, Double> location = open311 ? row.location() : null;
        r.put("lat", location == null ? null : location.get("lat"));
        r.put("long", location == null ? null : location.get("lon"));
        r.put("media_url", null);
        return r;
    }

    private static String datetime(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC).toString();
    }

    private ResponseEntity<String> render(String format, List<Map<String, Object>> rows, String root, String item) {
        return "xml".equals(format) ? xml(Open311Xml.list(root, item, rows)) : jsonBody(rows);
    }

    private ResponseEntity<String> jsonBody(Object value) {
        return ResponseEntity.ok().contentType(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8))
                .body(json.writeValueAsString(value));
    }

    private static ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    private void checkJurisdiction(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.isBlank()
                && !jurisdiction.equals(properties.open311().jurisdictionId())) {
            throw new Open311Error(404, "jurisdiction_id not found: " + jurisdiction);
        }
    }

    private static Double coordinate(String text, String name, double max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isNaN(value) || Math.abs(value) > max) {
                throw new Open311Error(400, name + " is out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Open311Error(400, name + " is not a number");
        }
    }

    private static Instant date(String text, String name) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException e2) {
                throw new Open311Error(400, name + " must be ISO 8601 with a zone, e.g. 2026-11-01T00:00:00Z");
            }
        }
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> statuses(ComplaintStatus... statuses) {
        return Arrays.stream(statuses).flatMap(s -> java.util.stream.Stream.of(s.name(),
                s.name().toLowerCase(Locale.ROOT))).toList();
    }
}
