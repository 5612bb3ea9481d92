package io.hearken.desk.console;

import io.hearken.desk.actions.CorrectingClassification;
import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.actions.Done;
import io.hearken.desk.actions.NamingHandler;
import io.hearken.desk.actions.WorkingOnComplaints;
import io.hearken.desk.files.AttachingFiles;
import io.hearken.desk.i18n.DeskMessages;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.Urgency;
import io.hearken.staff.StaffPerson;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of a complaint's page: each posts one action (the same use cases as the API's) and goes back to the
 * page with "done" or the refusal in the person's language. The key of the action is the page's token plus a hash
 * of the form ({@link ActionTokens}), so a double click is one action.
 */
@Controller
class ComplaintForms {

    private final WorkingOnComplaints work;
    private final NamingHandler naming;
    private final CorrectingClassification correcting;
    private final AttachingFiles attaching;
    private final DeskMessages messages;

    ComplaintForms(WorkingOnComplaints work, NamingHandler naming, CorrectingClassification correcting,
            AttachingFiles attaching, DeskMessages messages) {
        this.work = work;
        this.naming = naming;
        this.correcting = correcting;
        this.attaching = attaching;
        this.messages = messages;
    }

    @PostMapping("/desk/complaints/{id}/acknowledge")
    String acknowledge(Authentication auth, @PathVariable String id, Locale locale, RedirectAttributes flash) {
        return act(id, "acknowledge", locale, flash, key -> work.acknowledge(StaffPerson.of(auth), id, key));
    }

    @PostMapping("/desk/complaints/{id}/notes")
    String note(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean visibleToResident,
            @RequestParam(required = false) List<MultipartFile> files, Locale locale, RedirectAttributes flash) {
        StaffPerson person = StaffPerson.of(auth);
        return act(id, "note", locale, flash, key -> attaching.with(person, id, files,
                a -> work.note(person, id, required(text, 4000), visibleToResident, a, key)));
    }

    @PostMapping("/desk/complaints/{id}/information-requests")
    String requestInformation(Authentication auth, @PathVariable String id,
            @RequestParam(defaultValue = "") String question, @RequestParam(required = false) List<MultipartFile> files,
            Locale locale, RedirectAttributes flash) {
        StaffPerson person = StaffPerson.of(auth);
        return act(id, "information-request", locale, flash, key -> attaching.with(person, id, files,
                a -> work.requestInformation(person, id, required(question, 2000), a, key)));
    }

    @PostMapping("/desk/complaints/{id}/resolution")
    String resolve(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) List<MultipartFile> files, Locale locale, RedirectAttributes flash) {
        StaffPerson person = StaffPerson.of(auth);
        return act(id, "resolution", locale, flash, key -> attaching.with(person, id, files,
                a -> work.resolve(person, id, required(text, 4000), a, key)));
    }

    @PostMapping("/desk/complaints/{id}/reassignment")
    String reassign(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String toDepartment,
            @RequestParam(defaultValue = "") String reason, Locale locale, RedirectAttributes flash) {
        StaffPerson person = StaffPerson.of(auth);
        String target = act(id, "reassignment", locale, flash,
                key -> work.reassign(person, id, toDepartment, required(reason, 2000), key));
        if (flash.getFlashAttributes().containsKey("done")) {
            flash.addFlashAttribute("done", messages.get("done.reassignment", locale, departmentName(toDepartment, locale)));
            // Handed on: unless a manager, the person no longer sees it.
            return person.isManager() ? target : "redirect:/desk";
        }
        return target;
    }

    @PostMapping("/desk/complaints/{id}/duplicate")
    String duplicate(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String master,
            @RequestParam(defaultValue = "false") boolean merged, Locale locale, RedirectAttributes flash) {
        return act(id, "duplicate", locale, flash, key -> work.linkDuplicate(StaffPerson.of(auth), id, master, merged, key));
    }

    @PostMapping("/desk/complaints/{id}/reopen")
    String reopen(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String reason,
            Locale locale, RedirectAttributes flash) {
        return act(id, "reopen", locale, flash, key -> work.reopen(StaffPerson.of(auth), id, required(reason, 2000), key));
    }

    @PostMapping("/desk/complaints/{id}/assignee")
    String assignee(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String person,
            Locale locale, RedirectAttributes flash) {
        return act(id, "handler", locale, flash, key -> naming.name(StaffPerson.of(auth), id, required(person, 100), key));
    }

    @PostMapping("/desk/complaints/{id}/classification")
    String classification(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String category,
            @RequestParam(required = false) Urgency urgency, @RequestParam(defaultValue = "") String reason,
            Locale locale, RedirectAttributes flash) {
        return act(id, "classification", locale, flash, key -> correcting.correct(StaffPerson.of(auth), id, category,
                urgency, optional(reason, 2000), key));
    }

    @PostMapping("/desk/complaints/{id}/escalation")
    String escalate(Authentication auth, @PathVariable String id,
            @RequestParam(defaultValue = "SUPERVISOR") ComplaintEscalated.Level level,
            @RequestParam(defaultValue = "") String reason, Locale locale, RedirectAttributes flash) {
        return act(id, "escalation", locale, flash,
                key -> work.escalate(StaffPerson.of(auth), id, level, required(reason, 2000), key));
    }

    private String act(String id, String action, Locale locale, RedirectAttributes flash, Function<String, Done> doing) {
        try {
            doing.apply(ActionTokens.key(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                    .getRequest()));
            flash.addFlashAttribute("done", messages.get("done." + action, locale));
        } catch (DeskProblem problem) {
            if (problem.status() == 404) {
                throw new NotInYourQueue();
            }
            flash.addFlashAttribute("problem", messages.get(problem.messageKey(), locale, problem.args()));
        } catch (Blank blank) {
            flash.addFlashAttribute("problem", messages.get("problem.invalid", locale));
        }
        return "redirect:/desk/complaints/" + id;
    }

    private static String optional(String text, int max) {
        return text == null || text.isBlank() ? null : required(text, max);
    }

    private static String required(String text, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw new Blank();
        }
        return text;
    }

    private String departmentName(String code, Locale locale) {
        String name = messages.get("desk.dept." + code, locale);
        return name.equals("desk.dept." + code) ? code : name;
    }

    /** A form field left empty or too long. */
    private static final class Blank extends RuntimeException {
        Blank() {
            super(null, null, false, false);
        }
    }
}
