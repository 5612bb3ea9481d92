package io.hearken.desk.visits;

import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.console.ActionTokens;
import io.hearken.desk.i18n.DeskMessages;
import io.hearken.staff.StaffPerson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's page "回访 / Return visits": the visits the person's departments owe, overdue first in red, each with
 * a form for the outcome. Every form carries the CSRF token (Thymeleaf) and the page's action token, so a double
 * click records one visit ({@link ActionTokens}).
 */
@Controller
class ReturnVisitConsole {

    private final ReturnVisits visits;
    private final DeskMessages messages;

    ReturnVisitConsole(ReturnVisits visits, DeskMessages messages) {
        this.visits = visits;
        this.messages = messages;
    }

    @GetMapping("/desk/return-visits")
    String page(Authentication auth, @RequestParam(required = false) String department, Model model) {
        StaffPerson person = StaffPerson.of(auth);
        List<DueVisit> due = visits.due(person, department, false);
        model.addAttribute("person", person);
        model.addAttribute("visits", due);
        model.addAttribute("overdue", due.stream().filter(DueVisit::overdue).count());
        model.addAttribute("dueWithin", visits.rule().dueWithin().toHours());
        model.addAttribute("actionToken", ActionTokens.fresh());
        return "desk/return-visits";
    }

    @PostMapping("/desk/complaints/{id}/return-visit")
    Object record(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "false") boolean reached,
            @RequestParam(required = false) Boolean satisfied, @RequestParam(required = false) String notes,
            @RequestParam(defaultValue = "false") boolean reopen, HttpServletRequest request, Locale locale,
            RedirectAttributes flash) {
        try {
            if (notes != null && notes.length() > 4000) {
                throw DeskProblem.invalid("problem.invalid");
            }
            visits.record(StaffPerson.of(auth), id, new ReturnVisits.Outcome(reached, satisfied, notes, reopen),
                    ActionTokens.key(request));
            flash.addFlashAttribute("done", messages.get(reopen ? "visits.done.reopened" : "visits.done", locale, id));
        } catch (DeskProblem problem) {
            if (problem.status() == 404) { // another department's or unknown: the desk's page, no data, a 404
                ModelAndView page = new ModelAndView("desk/not-found", HttpStatus.NOT_FOUND);
                page.addObject("person", StaffPerson.of(auth));
                return page;
            }
            flash.addFlashAttribute("problem", messages.get(problem.messageKey(), locale, problem.args()));
        }
        return "redirect:/desk/return-visits";
    }
}
