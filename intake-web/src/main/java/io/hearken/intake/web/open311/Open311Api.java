package io.hearken.intake.web.open311;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.Place;
import io.hearken.events.Taxonomy;
import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.i18n.WebLocales;
import io.hearken.intake.web.i18n.WebMessages;
import io.hearken.intake.web.intake.ComplaintDraft;
import io.hearken.intake.web.intake.SubmittingComplaint;
import io.hearken.intake.web.submission.AcceptingComplaint;
import io.hearken.readmodel.ComplaintListing;
import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.ComplaintView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): services from the default taxonomy,
 * requests in and out, JSON or XML by the path's extension, errors as the spec's {@code errors} list.
 */
@Hidden
@RestController
@RequestMapping("/open311/v2")
class Open311Api {

    static final Duration WINDOW = Duration.ofDays(90);

    private final AcceptingComplaint accepting;
    private final RateLimiter rateLimiter;
    private final ComplaintLookup lookup;
    private final ComplaintListing requests;
    private final WebMessages messages;
    private final WebIntakeProperties properties;
    private final Open311Rendering rendering;

    Open311Api(AcceptingComplaint accepting, RateLimiter rateLimiter,
            ComplaintLookup lookup, ComplaintListing requests, WebMessages messages, WebIntakeProperties properties,
            Open311Rendering rendering) {
        this.accepting = accepting;
        this.rateLimiter = rateLimiter;
        this.lookup = lookup;
        this.requests = requests;
        this.messages = messages;
        this.properties = properties;
        this.rendering = rendering;
    }

    @GetMapping("/services.{format:json|xml}")
    ResponseEntity<String> services(@PathVariable String format, HttpServletRequest request,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        Locale locale = WebLocales.resolveForApi(request);
        List<Map<String, Object>> services = Taxonomy.DEFAULT.stream().map(c -> Open311Rows.service(c, locale)).toList();
        return rendering.render(format, services, "services", "service");
    }

    @GetMapping("/services/{code}.{format:json|xml}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        Taxonomy.byCode(code).orElseThrow(() -> new Open311Error(404, "service_code not found: " + code));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", code);
        definition.put("attributes", List.of());
        return "xml".equals(format) ? rendering.xml(Open311Xml.single("service_definition", definition))
                : rendering.json(definition);
    }

    @PostMapping(path = "/requests.{format:json|xml}")
    ResponseEntity<String> create(@PathVariable String format, HttpServletRequest request,
            @RequestParam Map<String, String> p) throws IOException {
        Locale locale = WebLocales.resolveForApi(request);
        // Rate limited before the key check, so keys cannot be guessed at speed; field problems: Open311Errors.
        var result = accepting.accept(request.getRemoteAddr(), () -> submission(request, p, locale));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("service_request_id", result.id().value());
        row.put("service_notice", messages.get("open311.notice", locale, result.id().value()));
        row.put("account_id", Open311Params.blankToNull(p.get("account_id")));
        return rendering.render(format, List.of(row), "service_requests", "request");
    }

    /** A service request as a submission, once its key, jurisdiction, service and location are checked. */
    private AcceptingComplaint.Submission submission(HttpServletRequest request, Map<String, String> p, Locale locale) {
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
        Double lat = Open311Params.coordinate(p.get("lat"), "lat", 90);
        Double lon = Open311Params.coordinate(p.get("long"), "long", 180);
        String address = Open311Params.blankToNull(p.get("address_string"));
        if ((lat == null || lon == null) && address == null && Open311Params.blankToNull(p.get("address_id")) == null) {
            throw new Open311Error(400, "a location is required: lat and long, address_string or address_id");
        }
        String description = Open311Params.blankToNull(p.get("description"));
        String name = String.join(" ", java.util.stream.Stream.of(p.get("first_name"), p.get("last_name"))
                .filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
        ComplaintDraft draft = new ComplaintDraft(name.isEmpty() ? null : name, Open311Params.blankToNull(p.get("email")),
                Open311Params.blankToNull(p.get("phone")), null, address, null, null,
                description == null ? (locale == WebLocales.EN ? category.en() : category.zh()) : description,
                code, WebLocales.tag(locale), null);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("open311.service_code", code);
        for (String extra : List.of("address_id", "device_id", "account_id", "media_url", "jurisdiction_id")) {
            if (Open311Params.blankToNull(p.get(extra)) != null) {
                details.put("open311." + extra, p.get(extra).strip());
            }
        }
        p.forEach((k, v) -> {
            if (k.startsWith("attribute[") && v != null && details.size() < 40) {
                details.put("open311." + k, v.length() > 500 ? v.substring(0, 500) : v);
            }
        });
        Place place = new Place(address, null, null, address, lat, lon);
        // Open311 allows anonymous reports (a device); every other rule applies.
        return new AcceptingComplaint.Submission(draft, false, true, List.of(), new SubmittingComplaint.Source(
                Channel.OPEN311, "open311", request.getHeader("Idempotency-Key"), place, details));
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
        List<String> idList = Open311Params.split(ids).stream().filter(ComplaintId::isValid).map(i -> ComplaintId.of(i).value())
                .toList();
        if (!Open311Params.split(ids).isEmpty()) {
            // The spec: service_request_id overrides every other parameter (no window: old requests too).
            List<Map<String, Object>> rows = idList.isEmpty() ? List.of()
                    : requests.find(new ComplaintListing.Filter(idList, List.of(), List.of(), List.of(), null, null)).stream()
                            .map(r -> Open311Rows.request(r, locale)).toList();
            return rendering.render(format, rows, "service_requests", "request");
        }
        // The spec's window: no dates → the last 90 days; one date → 90 days from/to it; never more than 90.
        Instant to = end == null ? null : Open311Params.date(end, "end_date");
        Instant from = start == null ? null : Open311Params.date(start, "start_date");
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
            case "open" -> Open311Rows.OPEN;
            case "closed" -> Open311Rows.CLOSED;
            case "open,closed", "closed,open" -> List.of();
            default -> throw new Open311Error(400, "status must be open or closed");
        };
        List<Map<String, Object>> rows = requests.find(new ComplaintListing.Filter(List.of(), Open311Params.split(codes), statuses,
                List.of(Channel.OPEN311.name()), from, to)).stream().map(r -> Open311Rows.request(r, locale)).toList();
        return rendering.render(format, rows, "service_requests", "request");
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
        return rendering.render(format, List.of(Open311Rows.request(row, WebLocales.resolveForApi(request))), "service_requests", "request");
    }

    private void checkJurisdiction(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.isBlank()
                && !jurisdiction.equals(properties.open311().jurisdictionId())) {
            throw new Open311Error(404, "jurisdiction_id not found: " + jurisdiction);
        }
    }
}
