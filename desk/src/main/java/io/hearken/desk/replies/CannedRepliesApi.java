package io.hearken.desk.replies;

import io.hearken.desk.actions.DeskProblem;
import io.hearken.desk.actions.WorkingOnComplaints;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.staff.StaffPerson;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/desk/replies?department=&language=} for staff of that department (default: their home
 * department; another is 403, a manager may ask for any); with {@code complaint=} the complaint's department and the
 * placeholders filled in from it (another department's complaint: 404).
 */
@RestController
public class CannedRepliesApi {

    private final CannedReplies replies;
    private final WorkingOnComplaints work;

    CannedRepliesApi(CannedReplies replies, WorkingOnComplaints work) {
        this.replies = replies;
        this.work = work;
    }

    record Answer(String department, String complaint, int count, List<CannedReplies.Canned> replies) {
    }

    @GetMapping("/api/v1/desk/replies")
    Answer replies(Authentication auth, @RequestParam(required = false) String department,
            @RequestParam(required = false) String language, @RequestParam(required = false) String complaint) {
        StaffPerson person = StaffPerson.of(auth);
        if (complaint != null && !complaint.isBlank()) {
            DeskComplaint c = work.view(person, complaint.strip());
            List<CannedReplies.Canned> list = replies.forComplaint(c).stream()
                    .filter(r -> language == null || r.language() == null || r.language().equalsIgnoreCase(language))
                    .toList();
            return new Answer(c.department(), c.id().value(), list.size(), list);
        }
        String dept = department == null || department.isBlank() ? person.department() : department.strip();
        if (!person.sees(dept)) {
            throw DeskProblem.forbidden("problem.other-department-replies");
        }
        List<CannedReplies.Canned> list = replies.of(dept, language);
        return new Answer(dept, null, list.size(), list);
    }
}
