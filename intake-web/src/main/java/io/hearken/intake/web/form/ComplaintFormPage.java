package io.hearken.intake.web.form;

import io.hearken.events.Channel;
import io.hearken.events.Taxonomy;
import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.attachments.AttachmentStore;
import io.hearken.intake.web.attachments.AttachmentTooLarge;
import io.hearken.intake.web.i18n.WebLocales;
import io.hearken.intake.web.i18n.WebMessages;
import io.hearken.intake.web.intake.IdempotencyConflict;
import io.hearken.intake.web.intake.IntakeUnavailable;
import io.hearken.intake.web.intake.InvalidSubmission;
import io.hearken.intake.web.intake.SubmittingComplaint;
import io.hearken.intake.web.submission.AcceptingComplaint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

/**
 * The complaint form at {@code /}, in Chinese or English: shown, and on submit either the tracking id or the form
 * again, filled in as typed, with each problem next to its field. Every text comes from {@code i18n/web}; every
 * value is written with {@code th:text} (escaped). The submission itself is {@link AcceptingComplaint}'s.
 */
@Controller
class ComplaintFormPage {

    private static final Logger log = LoggerFactory.getLogger(ComplaintFormPage.class);
    static final List<String> RESIDENT_TYPES = List.of("owner", "tenant", "resident", "business", "student", "staff",
            "visitor");

    private final AcceptingComplaint accepting;
    private final WebMessages messages;
    private final WebIntakeProperties properties;
    private final PageSetup pages;

    ComplaintFormPage(AcceptingComplaint accepting, WebMessages messages, WebIntakeProperties properties) {
        this.accepting = accepting;
        this.messages = messages;
        this.properties = properties;
        this.pages = new PageSetup(properties);
    }

    @GetMapping("/")
    String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        ResidentForm form = new ResidentForm();
        form.setFormToken(UUID.randomUUID().toString());
        return show(form, Map.of(), null, pages.page(request, response, model), model);
    }

    @PostMapping("/")
    String submit(@ModelAttribute("form") ResidentForm form, BindingResult ignoredBindingErrors,
            HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        // Binding problems (a forged value for a checkbox) leave the field empty; validation below reports it.
        Locale locale = pages.page(request, response, model);
        if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
            log.info("Honeypot filled from {}: form dropped", request.getRemoteAddr());
            response.setStatus(400);
            return show(form, Map.of(), messages.get("form.rejected", locale), locale, model);
        }
        if (form.getFormToken() == null || form.getFormToken().isBlank() || form.getFormToken().length() > 100) {
            form.setFormToken(UUID.randomUUID().toString());
        }
        try {
            SubmittingComplaint.Submitted result = accepting.accept(request.getRemoteAddr(), () ->
                    new AcceptingComplaint.Submission(form.draft(WebLocales.tag(locale)), true, false,
                            form.getAttachments(), new SubmittingComplaint.Source(Channel.WEB, "form",
                                    form.getFormToken(), null, Map.of("consent", "given"))));
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
}
