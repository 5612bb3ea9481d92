package io.hearken.desk.console;

import io.hearken.desk.DeskProperties;
import io.hearken.desk.actions.CorrectingClassification;
import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.actions.NamingHandler;
import io.hearken.desk.actions.WorkingOnComplaints;
import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.ComplaintDetail;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.desk.board.QueueFilter;
import io.hearken.desk.board.QueueItem;
import io.hearken.desk.board.QueuePage;
import io.hearken.desk.i18n.DeskMessages;
import io.hearken.events.ComplaintEscalated;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.Urgency;
import io.hearken.staff.StaffPerson;
import io.hearken.staff.StaffProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web console's pages: the sign-in page, the queue, and one complaint with its forms (which post to
 * {@link ComplaintForms}). An unknown or another department's complaint is {@link NotInYourQueuePage}.
 */
@Controller
class DeskConsole {

    private final ComplaintBoard board;
    private final WorkingOnComplaints work;
    private final StaffProperties staff;
    private final ConsoleLabels labels;
    private final DeskTime time;
    private final NamingHandler naming;
    private final CorrectingClassification correcting;
    private final Clock clock = Clock.systemUTC();

    DeskConsole(ComplaintBoard board, WorkingOnComplaints work, DeskMessages messages, DeskProperties properties,
            StaffProperties staff, DeskTime time, NamingHandler naming, CorrectingClassification correcting) {
        this.board = board;
        this.work = work;
        this.staff = staff;
        this.labels = new ConsoleLabels(messages, properties);
        this.time = time;
        this.naming = naming;
        this.correcting = correcting;
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
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String page,
            Locale locale) {
        StaffPerson person = StaffPerson.of(auth);
        Instant now = clock.instant();
        QueueFilter filter = new QueueFilter(status == null ? Set.of() : Set.of(status), building, category, q,
                department, NamingHandler.ME.equals(assignee) ? person.id() : assignee);
        model.addAttribute("mine", NamingHandler.ME.equals(assignee));
        QueuePage listed = board.queue(person, filter, QueueLinks.page(page), QueueLinks.SIZE);
        if (listed.pages() != null && listed.page() > listed.pages()) { // past the end (the queue got shorter)
            listed = board.queue(person, filter, listed.pages(), QueueLinks.SIZE);
        }
        List<QueueItem> items = listed.items().stream().map(c -> QueueItem.of(c, now)).toList();
        QueueLinks links = new QueueLinks(status, filter, assignee);
        model.addAttribute("paging", listed);
        model.addAttribute("previous", listed.page() > 1 ? links.to(listed.page() - 1) : null);
        model.addAttribute("next", listed.more() ? links.to(listed.page() + 1) : null);
        model.addAttribute("listedSoFar", (listed.page() - 1) * listed.size() + items.size());
        model.addAttribute("person", person);
        model.addAttribute("items", items);
        model.addAttribute("filter", filter);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("departments", work.knownDepartments());
        model.addAttribute("choices", board.choices(person));
        model.addAttribute("labels", labels.json(locale));
        model.addAttribute("zone", time.zone());
        return "desk/queue";
    }

    @GetMapping("/desk/complaints/{id}")
    String complaint(Authentication auth, @PathVariable String id, Model model, Locale locale) {
        StaffPerson person = StaffPerson.of(auth);
        ComplaintDetail detail;
        DeskComplaint complaint;
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
}
