package io.hearken.notifier.satisfaction;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintEvent;
import io.hearken.events.Events;
import io.hearken.events.FeedbackGiven;
import io.hearken.events.Topics;
import io.hearken.events.limits.AddressLimit;
import io.hearken.notifier.complaints.ComplaintDirectory;
import io.hearken.notifier.delivery.MailTemplates;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link in the resolution mail: shows the 1–5 choices in the resident's language; one click (a POST, so a
 * mail scanner following the link records nothing) publishes {@link FeedbackGiven} on {@code intake.web}. No
 * login: the signed token is the permission. Expired and forged tokens get a page that says so; a token whose
 * resolution was already rated (here, or as seen in {@code complaints.state}) gets a page saying it was used.
 * Every view and click takes a token from the client address's {@link SatisfactionLimit}.
 */
@Controller("notifierSatisfactionPage")
@EnableConfigurationProperties(SatisfactionLimit.class)
class SatisfactionPage {

    private static final Logger log = LoggerFactory.getLogger(SatisfactionPage.class);
    /** A forged token tells us nothing about the reader, so that page speaks both languages. */
    private static final Locale UNKNOWN = Locale.SIMPLIFIED_CHINESE;

    private final SatisfactionTokens tokens;
    private final MailTemplates templates;
    private final KafkaOperations<String, ComplaintEvent> kafka;
    private final ComplaintDirectory directory;
    private final AddressLimit limit;
    /** Links used through this instance, until complaints.state shows their feedback (bounded, oldest forgotten). */
    private final Set<String> used = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 100_000;
                }
            }));

    SatisfactionPage(SatisfactionTokens tokens, MailTemplates templates, KafkaOperations<String, ComplaintEvent> kafka,
            ComplaintDirectory directory, SatisfactionLimit limit) {
        this.tokens = tokens;
        this.templates = templates;
        this.kafka = kafka;
        this.directory = directory;
        this.limit = new AddressLimit(limit.capacity(), limit.period());
    }

    @GetMapping(value = "/satisfaction/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token, HttpServletRequest request) {
        ResponseEntity<String> refused = refused(token, request);
        if (refused != null) {
            return refused;
        }
        SatisfactionTokens.Claims claims = tokens.read(token);
        if (used(claims)) {
            return page(HttpStatus.OK, "used", claims.locale(), claims, token, null);
        }
        return page(HttpStatus.OK, "form", claims.locale(), claims, token, null);
    }

    @PostMapping(value = "/satisfaction/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> rate(@PathVariable String token, @RequestParam(required = false) String score,
            @RequestParam(required = false) String comment, HttpServletRequest request) {
        ResponseEntity<String> refused = refused(token, request);
        if (refused != null) {
            return refused;
        }
        SatisfactionTokens.Claims claims = tokens.read(token);
        if (used(claims)) {
            return page(HttpStatus.CONFLICT, "used", claims.locale(), claims, token, null);
        }
        int value;
        try {
            value = Integer.parseInt(score == null ? "" : score.strip());
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > 5) {
            return page(HttpStatus.BAD_REQUEST, "form", claims.locale(), claims, token, "page.satisfaction.pick");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 1000) {
            note = note.substring(0, 1000);
        }
        FeedbackGiven feedback = new FeedbackGiven(Events.idFrom("satisfaction", token, String.valueOf(value)),
                claims.complaintId(), tokens.now(), Channel.WEB, value, note);
        if (!used.add(key(claims))) { // taken at once, so two clicks at the same moment are one rating
            return page(HttpStatus.CONFLICT, "used", claims.locale(), claims, token, null);
        }
        try {
            kafka.send(Topics.INTAKE_WEB, claims.complaintId().value(), feedback).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            used.remove(key(claims));
            return page(HttpStatus.SERVICE_UNAVAILABLE, "form", claims.locale(), claims, token, "page.satisfaction.later");
        } catch (Exception e) {
            log.warn("Could not record the rating of {}: {}", claims.complaintId(), e.toString());
            used.remove(key(claims)); // not recorded (as far as we know): the resident may try again
            return page(HttpStatus.SERVICE_UNAVAILABLE, "form", claims.locale(), claims, token, "page.satisfaction.later");
        }
        Map<String, Object> extra = Map.of("score", value);
        return page(HttpStatus.OK, "thanks", claims.locale(), claims, token, null, extra);
    }

    /** The answer for an address over its limit, a forged or an expired token; {@code null} when none applies. */
    private ResponseEntity<String> refused(String token, HttpServletRequest request) {
        long wait = limit.take(request.getRemoteAddr());
        if (wait > 0) {
            ResponseEntity<String> page = page(HttpStatus.TOO_MANY_REQUESTS, "limited", UNKNOWN, null, token, null);
            return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                    .header("Retry-After", String.valueOf(wait)).body(page.getBody());
        }
        SatisfactionTokens.Claims claims = tokens.read(token);
        if (claims == null) {
            return page(HttpStatus.NOT_FOUND, "invalid", UNKNOWN, null, token, null);
        }
        if (claims.expiredAt(tokens.now())) {
            return page(HttpStatus.GONE, "expired", claims.locale(), claims, token, null);
        }
        return null;
    }

    /** Rated already: through this instance, or a feedback after this token's resolution in complaints.state. */
    private boolean used(SatisfactionTokens.Claims claims) {
        return used.contains(key(claims)) || directory.ratedResolutions(claims.complaintId()).stream()
                .anyMatch(resolution -> SatisfactionTokens.ref(resolution).equals(claims.resolutionRef()));
    }

    private static String key(SatisfactionTokens.Claims claims) {
        return claims.complaintId().value() + "|" + claims.resolutionRef();
    }

    private ResponseEntity<String> page(HttpStatus status, String state, Locale locale,
            SatisfactionTokens.Claims claims, String token, String error) {
        return page(status, state, locale, claims, token, error, Map.of());
    }

    private ResponseEntity<String> page(HttpStatus status, String state, Locale locale,
            SatisfactionTokens.Claims claims, String token, String error, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("state", state);
        model.put("action", "/satisfaction/" + token);
        if (claims != null) {
            model.put("trackingId", claims.complaintId().value());
        }
        if (error != null) {
            model.put("error", error);
        }
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .body(templates.page("satisfaction", locale, model));
    }
}
