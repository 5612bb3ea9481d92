package io.hearken.intake.web.form;

import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.ComplaintView;
import io.hearken.readmodel.TimelineEntry;
import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.Taxonomy;
import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.attachments.AttachmentStore;
import io.hearken.intake.web.attachments.AttachmentTooLarge;
import io.hearken.intake.web.attachments.StoredAttachments;
import io.hearken.intake.web.i18n.WebLocales;
import io.hearken.intake.web.i18n.WebMessages;
import io.hearken.intake.web.intake.DraftValidation;
import io.hearken.intake.web.intake.FollowingUp;
import io.hearken.intake.web.intake.IdempotencyConflict;
import io.hearken.intake.web.intake.IntakeUnavailable;
import io.hearken.intake.web.intake.InvalidSubmission;
import io.hearken.intake.web.intake.SubmittingComplaint;
import io.hearken.intake.web.intake.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resident's pages: the complaint form at {@code /} and the tracking page at {@code /track}, in Chinese
 * or English. Every text comes from {@code i18n/web}; every value is written with {@code th:text} (escaped).
 */
@Controller
class ResidentPages {

    private static final Logger log = LoggerFactory.getLogger(ResidentPages.class);
    static final List<String> RESIDENT_TYPES = List.of("owner", "tenant", "resident", "business", "student", "staff",
            "visitor");
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SubmittingComplaint submitting;
    private final DraftValidation validation;
    private final AttachmentStore attachments;
    private final RateLimiter rateLimiter;
    private final FollowingUp followingUp;
    private final ComplaintLookup lookup;
    private final WebMessages messages;
    private final WebIntakeProperties properties;

    ResidentPages(SubmittingComplaint submitting, DraftValidation validation, AttachmentStore attachments,
            RateLimiter rateLimiter, FollowingUp followingUp, ComplaintLookup lookup, WebMessages messages,
            WebIntakeProperties properties) {
        this.submitting = submitting;
        this.validation = validation;
        this.attachments = attachments;
        this.rateLimiter = rateLimiter;
        this.followingUp = followingUp;
        this.lookup = lookup;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/")
    String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        ResidentForm form = new ResidentForm();
        form.setFormToken(UUID.randomUUID().toString());
        return show(form, Map.of(), null, page(request, response, model), model);
    }

    @PostMapping("/")
    String submit(@ModelAttribute("form") ResidentForm form, BindingResult ignoredBindingErrors,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        // Binding problems (a forged value for a checkbox) leave the field empty; validation below reports it.
        Locale locale = page(request, response, model);
        if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
            log.info("Honeypot filled from {}: form dropped", request.getRemoteAddr());
            response.setStatus(400);
            return show(form, Map.of(), messages.get("form.rejected", locale), locale, model);
        }
        if (form.getFormToken() == null || form.getFormToken().isBlank() || form.getFormToken().length() > 100) {
            form.setFormToken(UUID.randomUUID().toString());
        }
        try {
            rateLimiter.check(request.getRemoteAddr());
            var draft = form.draft(WebLocales.tag(locale));
            List<Violation> problems = validation.check(draft, true);
            if (!problems.isEmpty()) {
                throw new InvalidSubmission(problems);
            }
            StoredAttachments stored = attachments.store(form.getAttachments());
            SubmittingComplaint.Submitted result;
            try {
                result = submitting.submit(draft, stored.attachments(), new SubmittingComplaint.Source(Channel.WEB,
                        "form", form.getFormToken(), null, Map.of("consent", "given")));
            } catch (RuntimeException e) {
                stored.discard(); // not acknowledged: no file without its complaint
                throw e;
            }
            // Acknowledged, or a double submit of one that was (same content, so the same files): the files stay.
            stored.keep(result.id());
            model.addAttribute("trackingId", result.id().value());
            return "web/submitted";
        } catch (InvalidSubmission e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), messages.violation(v, locale)));
            return show(form, errors, messages.get("form.fix-errors", locale), locale, model);
        } catch (AttachmentTooLarge e) {
            response.setStatus(413);
            return show(form, Map.of("attachments", messages.get("validation.FileTooLarge", locale)),
                    messages.get("form.fix-errors", locale), locale, model);
        } catch (RateLimiter.RateLimited e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            return show(form, Map.of(), messages.get("form.rate-limited", locale), locale, model);
        } catch (IntakeUnavailable e) {
            log.warn("Form submission refused, Kafka unavailable: {}", e.getMessage());
            response.setStatus(503);
            response.setHeader("Retry-After", "30");
            return show(form, Map.of(), messages.get("form.unavailable", locale, properties.hotline()), locale, model);
        } catch (IdempotencyConflict e) {
            form.setFormToken(UUID.randomUUID().toString());
            response.setStatus(409);
            return show(form, Map.of(), messages.get("form.resubmit", locale), locale, model);
        }
    }

    /** The form posts, so the contact stays out of the address bar, history and access logs; GET still works. */
    @RequestMapping(path = "/track", method = {RequestMethod.GET, RequestMethod.POST})
    String track(@RequestParam(required = false) String id, @RequestParam(required = false) String contact,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Locale locale = page(request, response, model);
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
            model.addAttribute("receivedText", time(view.receivedAt()));
            model.addAttribute("firstResponseDueText", time(view.firstResponseDue()));
            model.addAttribute("resolutionDueText", time(view.resolutionDue()));
            List<TimelineEntry> timeline = lookup.timeline(ComplaintId.of(view.id()));
            model.addAttribute("timeline", timeline.stream().map(e -> Map.of(
                    "at", time(e.at()),
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
        Locale locale = page(request, response, model);
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

    private Locale page(HttpServletRequest request, HttpServletResponse response, Model model) {
        Locale locale = WebLocales.resolve(request, response);
        model.addAttribute("t", messages.all(locale));
        model.addAttribute("lang", WebLocales.tag(locale));
        model.addAttribute("otherLang", locale == WebLocales.EN ? "zh-CN" : "en");
        model.addAttribute("hotline", properties.hotline());
        return locale;
    }

    private String show(ResidentForm form, Map<String, String> errors, String message, Locale locale, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("residentTypes", RESIDENT_TYPES);
        model.addAttribute("categories", Taxonomy.DEFAULT.stream().map(c -> Map.of("code", c.code(),
                "name", locale == WebLocales.EN ? c.en() : c.zh())).toList());
        model.addAttribute("maxFiles", AttachmentStore.MAX_FILES);
        return "web/form";
    }

    /** Times in the residents' zone, minutes only: what a person reads on a receipt. */
    private String time(java.time.Instant at) {
        return at == null ? "" : TIME.format(at.atZone(properties.timeZone()));
    }

    private String department(String code, Locale locale) {
        return code == null || code.isBlank() ? "" : messages.getOrDefault("department." + code, code, locale);
    }

    private static String lower(String s) {
        return s == null ? "received" : s.toLowerCase(Locale.ROOT);
    }
}
