package io.hearken.desk.console;

import io.hearken.desk.DeskProperties;
import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.actions.CorrectingClassification;
import io.hearken.desk.actions.Done;
import io.hearken.desk.actions.NamingHandler;
import io.hearken.desk.actions.WorkingOnComplaints;
import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.ComplaintDetail;
import io.hearken.desk.board.QueueFilter;
import io.hearken.desk.board.QueueItem;
import io.hearken.desk.files.AttachingFiles;
import io.hearken.desk.i18n.DeskMessages;
import io.hearken.staff.StaffPerson;
import io.hearken.staff.StaffProperties;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Urgency;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web console: the queue, one complaint with its actions, and the sign-in page. The actions are the same
 * use cases as the API's; a refusal comes back as a message in the person's language.
 */
@Controller
class DeskConsole {

    private final ComplaintBoard board;
    private final WorkingOnComplaints work;
    private final DeskMessages messages;
    private final DeskProperties properties;
    private final StaffProperties staff;
    private final ConsoleLabels labels;
    private final DeskTime time;
    private final Clock clock = Clock.systemUTC();

    private final NamingHandler naming;
    private final CorrectingClassification correcting;
    private final AttachingFiles attaching;

    DeskConsole(ComplaintBoard board, WorkingOnComplaints work, DeskMessages messages, DeskProperties properties,
            StaffProperties staff, DeskTime time, NamingHandler naming, CorrectingClassification correcting,
            AttachingFiles attaching) {
        this.attaching = attaching;
        this.naming = naming;
        this.correcting = correcting;
        this.staff = staff;
        this.time = time;
        this.labels = new ConsoleLabels(messages, properties);
        this.board = board;
        this.work = work;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidc", staff.login() == StaffProperties.Login.OIDC);
        model.addAttribute("registration", staff.oidc().registration());
        return "desk/login";
    }

    @GetMapping({"/desk", "/desk/"})
    String queue(Authentication auth, Model model, @RequestParam(required = false) ComplaintStatus status,
            @RequestParam(required = false) String building, @RequestParam(required = false) String category,
            @RequestParam(required = false) String q, @RequestParam(required = false) String department,
            @RequestParam(required = false) String assignee, Locale locale) {
        StaffPerson person = StaffPerson.of(auth);
        Instant now = clock.instant();
        QueueFilter filter = new QueueFilter(status == null ? Set.of() : Set.of(status), building, category, q,
                department, NamingHandler.ME.equals(assignee) ? person.id() : assignee);
        model.addAttribute("mine", NamingHandler.ME.equals(assignee));
        List<QueueItem> items = board.queue(person, filter).stream().map(c -> QueueItem.of(c, now)).toList();
        model.addAttribute("person", person);
        model.addAttribute("items", items);
        model.addAttribute("filter", filter);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("departments", departments());
        model.addAttribute("choices", board.choices(person));
        model.addAttribute("labels", labels.json(locale));
        model.addAttribute("zone", time.zone());
        return "desk/queue";
    }

    @GetMapping("/desk/complaints/{id}")
    String complaint(Authentication auth, @PathVariable String id, Model model, Locale locale) {
        StaffPerson person = StaffPerson.of(auth);
        ComplaintDetail detail;
        io.hearken.desk.board.DeskComplaint complaint;
        try {
            complaint = work.view(person, id);
            detail = ComplaintDetail.of(complaint, clock.instant());
        } catch (DeskProblem notFound) {
            throw new NotInYourQueue();
        }
        model.addAttribute("candidates", person.isSupervisor() ? naming.candidates(complaint) : List.of());
        model.addAttribute("categories", correcting.knownCategories());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("person", person);
        model.addAttribute("c", detail);
        model.addAttribute("levels", ComplaintEscalated.Level.values());
        model.addAttribute("departments", work.knownDepartments().stream()
                .filter(d -> !d.equals(detail.summary().department())).toList());
        model.addAttribute("labels", labels.json(locale));
        model.addAttribute("zone", time.zone());
        model.addAttribute("actionToken", ActionTokens.fresh());
        return "desk/complaint";
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

    String act(String id, String action, Locale locale, RedirectAttributes flash,
            java.util.function.Function<String, Done> doing) {
        try {
            doing.apply(ActionTokens.key(((org.springframework.web.context.request.ServletRequestAttributes)
                    org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest()));
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

    /** Unknown or another department's: the same localized page, with no data, as a 404. */
    @ExceptionHandler(NotInYourQueue.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notInYourQueue(Authentication auth) {
        ModelAndView page = new ModelAndView("desk/not-found");
        page.addObject("person", StaffPerson.of(auth));
        return page;
    }

    private static String optional(String text, int max) {
        return text == null || text.isBlank() ? null : required(text, max);
    }

    static String required(String text, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw new Blank();
        }
        return text;
    }

    private String departmentName(String code, Locale locale) {
        String name = messages.get("desk.dept." + code, locale);
        return name.equals("desk.dept." + code) ? code : name;
    }

    private Set<String> departments() {
        return work.knownDepartments();
    }

    /** Unknown, or another department's complaint. */
    private static final class NotInYourQueue extends RuntimeException {
        NotInYourQueue() {
            super(null, null, false, false);
        }
    }

    /** A form field left empty or too long. */
    private static final class Blank extends RuntimeException {
        Blank() {
            super(null, null, false, false);
        }
    }
}
