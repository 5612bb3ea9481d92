package io.hearken.desk.console;

import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.entry.EnteringComplaint;
import io.hearken.desk.entry.NewComplaint;
import io.hearken.desk.i18n.DeskMessages;
import io.hearken.events.ResidentType;
import io.hearken.staff.StaffPerson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's form for a complaint staff enter for a resident (walk-in, letter, patrol, phone, notice board).
 * Idempotent like every console action (the page's token plus what the form says); a refusal shows the form again
 * with what was typed and the reasons, field by field.
 */
@Controller
class EntryConsole {

    private final EnteringComplaint entering;
    private final Validator validator;
    private final DeskMessages messages;

    EntryConsole(EnteringComplaint entering, Validator validator, DeskMessages messages) {
        this.entering = entering;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/desk/complaints/new")
    String form(Authentication auth, Model model) {
        NewComplaint empty = new NewComplaint("walk-in", null, null, null, null, null, null, null, null, null, null, null);
        return page(auth, model, empty, Map.of(), null);
    }

    @PostMapping("/desk/complaints")
    String enter(Authentication auth, @ModelAttribute NewComplaint form, HttpServletRequest request, Model model,
            Locale locale, RedirectAttributes flash) {
        List<ConstraintViolation<NewComplaint>> violations = validator.validate(form).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
        if (!violations.isEmpty()) {
            // Field by field, so the page ties each message to its field (aria-describedby, aria-invalid).
            Map<String, String> errors = new LinkedHashMap<>();
            violations.forEach(v -> errors.merge(v.getPropertyPath().toString(),
                    messages.get("entry." + v.getPropertyPath(), locale) + ": " + v.getMessage(),
                    (first, next) -> first + "; " + v.getMessage()));
            return page(auth, model, form, errors, null);
        }
        try {
            EnteringComplaint.Entered entered = entering.enter(StaffPerson.of(auth), form.entry(), ActionTokens.key(request));
            flash.addFlashAttribute("done", messages.get("done.entry", locale, entered.id(),
                    messages.get("desk.channel." + entered.channel(), locale)));
            return "redirect:/desk/complaints/new";
        } catch (DeskProblem problem) {
            return page(auth, model, form, Map.of(), messages.get(problem.messageKey(), locale, problem.args()));
        }
    }

    private String page(Authentication auth, Model model, NewComplaint form, Map<String, String> errors, String problem) {
        model.addAttribute("person", StaffPerson.of(auth));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("channels", List.of(NewComplaint.CHANNELS.split("\\|")));
        model.addAttribute("residentTypes", ResidentType.values());
        model.addAttribute("actionToken", ActionTokens.fresh());
        return "desk/enter";
    }
}
