package io.hearken.intake.web.form;

import io.hearken.events.ComplaintId;
import io.hearken.events.Taxonomy;
import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.i18n.WebLocales;
import io.hearken.intake.web.i18n.WebMessages;
import io.hearken.intake.web.intake.FollowingUp;
import io.hearken.intake.web.intake.IntakeUnavailable;
import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.ComplaintView;
import io.hearken.readmodel.TimelineEntry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tracking page at {@code /track}: a complaint's state and timeline for whoever gives its id and the contact
 * used at submission, and the resident's comment or satisfaction score from there. One answer for a wrong id and
 * a wrong contact, and wrong guesses count against the address's rate limit.
 */
@Controller
class TrackingPage {

    private static final Logger log = LoggerFactory.getLogger(TrackingPage.class);

    private final RateLimiter rateLimiter;
    private final FollowingUp followingUp;
    private final ComplaintLookup lookup;
    private final WebMessages messages;
    private final WebIntakeProperties properties;
    private final PageSetup pages;

    TrackingPage(RateLimiter rateLimiter, FollowingUp followingUp, ComplaintLookup lookup, WebMessages messages,
            WebIntakeProperties properties) {
        this.rateLimiter = rateLimiter;
        this.followingUp = followingUp;
        this.lookup = lookup;
        this.messages = messages;
        this.properties = properties;
        this.pages = new PageSetup(properties);
    }

    /** The form posts, so the contact stays out of the address bar, history and access logs; GET still works. */
    @RequestMapping(path = "/track", method = {RequestMethod.GET, RequestMethod.POST})
    String track(@RequestParam(required = false) String id, @RequestParam(required = false) String contact,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Locale locale = pages.page(request, response, model);
        model.addAttribute("id", id == null ? "" : id);
        model.addAttribute("contact", contact == null ? "" : contact);
        if (id == null || id.isBlank() || contact == null || contact.isBlank()) {
            if (id != null && !id.isBlank() || contact != null && !contact.isBlank()) {
                model.addAttribute("error", messages.get("track.both-needed", locale));
            }
            return "web/track";
        }
        try {
            rateLimiter.ensureLeft(request.getRemoteAddr()); // used up by wrong guesses: no guess is checked
            ComplaintView view = followingUp.prove(id, contact);
            model.addAttribute("complaint", view);
            model.addAttribute("statusText", messages.get("status." + lower(view.status()), locale));
            model.addAttribute("categoryText", Taxonomy.byCode(view.category())
                    .map(c -> locale == WebLocales.EN ? c.en() : c.zh()).orElse(view.category()));
            model.addAttribute("departmentText", department(view.department(), locale));
            model.addAttribute("receivedText", pages.time(view.receivedAt()));
            model.addAttribute("firstResponseDueText", pages.time(view.firstResponseDue()));
            model.addAttribute("resolutionDueText", pages.time(view.resolutionDue()));
            List<TimelineEntry> timeline = lookup.timeline(ComplaintId.of(view.id()));
            model.addAttribute("timeline", timeline.stream().map(e -> Map.of(
                    "at", pages.time(e.at()),
                    "what", messages.getOrDefault("event." + e.type(), e.type(), locale),
                    "text", e.text() == null ? "" : e.text())).toList());
            model.addAttribute("resolved", "resolved".equalsIgnoreCase(view.status()));
        } catch (FollowingUp.Refused e) {
            // One message for both: it must not reveal whether a tracking id exists.
            model.addAttribute("error", messages.get("track.not-found", locale));
            try {
                rateLimiter.check(request.getRemoteAddr()); // wrong guesses count against the address's limit
            } catch (RateLimiter.RateLimited limited) {
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(limited.retryAfterSeconds()));
                model.addAttribute("error", messages.get("form.rate-limited", locale));
            }
        } catch (RateLimiter.RateLimited limited) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(limited.retryAfterSeconds()));
            model.addAttribute("error", messages.get("form.rate-limited", locale));
        } catch (RuntimeException e) {
            log.warn("Tracking lookup failed: {}", e.toString());
            response.setStatus(503);
            model.addAttribute("error", messages.get("track.unavailable", locale, properties.hotline()));
        }
        return "web/track";
    }

    @PostMapping("/track/comment")
    String comment(@RequestParam String id, @RequestParam String contact,
            @RequestParam(required = false) String text, @RequestParam(required = false) Integer score,
            @RequestParam(required = false) String formToken, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Locale locale = pages.page(request, response, model);
        try {
            rateLimiter.check(request.getRemoteAddr());
            if (score != null) {
                followingUp.feedback(id, contact, Math.max(1, Math.min(5, score)), text, formToken);
                model.addAttribute("notice", messages.get("track.feedback-sent", locale));
            } else if (text != null && !text.isBlank() && text.length() <= 5000) {
                followingUp.comment(id, contact, text, formToken);
                model.addAttribute("notice", messages.get("track.comment-sent", locale));
            } else {
                response.setStatus(400);
                model.addAttribute("notice", text != null && text.length() > 5000
                        ? messages.get("validation.Size", locale, 5000) : messages.get("validation.NotBlank", locale));
            }
        } catch (FollowingUp.Refused e) {
            model.addAttribute("notice", messages.get(e.reason() == FollowingUp.Refusal.NOT_RESOLVED
                    ? "track.not-resolved" : "track.not-found", locale));
        } catch (RateLimiter.RateLimited e) {
            response.setStatus(429);
            model.addAttribute("notice", messages.get("form.rate-limited", locale));
        } catch (IntakeUnavailable e) {
            response.setStatus(503);
            model.addAttribute("notice", messages.get("form.unavailable", locale, properties.hotline()));
        }
        return track(id, contact, request, response, model);
    }

    private String department(String code, Locale locale) {
        return code == null || code.isBlank() ? "" : messages.getOrDefault("department." + code, code, locale);
    }

    private static String lower(String s) {
        return s == null ? "received" : s.toLowerCase(Locale.ROOT);
    }
}
