package io.hearken.desk.actions;

import io.hearken.desk.board.ComplaintBoard;
import io.hearken.events.ClassificationCorrected;
import io.hearken.events.Taxonomy;
import io.hearken.events.Urgency;
import io.hearken.staff.StaffPerson;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * A supervisor corrects the router's category and urgency (also after resolution: the learning loop wants the right
 * label either way). One {@link ClassificationCorrected} with the old and new values on {@code complaints.updates};
 * the router takes the new urgency for the SLA clock and publishes the corrected routing.
 */
@Service
public class CorrectingClassification {

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    private final WorkingOnComplaints work;
    private final ComplaintBoard board;

    CorrectingClassification(WorkingOnComplaints work, ComplaintBoard board) {
        this.work = work;
        this.board = board;
    }

    /** {@code category} or {@code urgency} null: kept as it is. */
    public Done correct(StaffPerson person, String id, String category, Urgency urgency, String reason,
            String idempotencyKey) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return work.act(person, id, "classification", idempotencyKey, c -> {
            WorkingOnComplaints.mustBeSupervisor(person);
            String to = to(category, c.category());
            if (!CATEGORY.matcher(to).matches()) {
                throw DeskProblem.invalid("problem.bad-category", to);
            }
            Set<String> known = knownCategories();
            if (!known.contains(to)) {
                throw DeskProblem.invalid("problem.unknown-category", to, String.join(", ", known));
            }
            if (to.equals(c.category()) && (urgency == null || urgency == c.urgency())) {
                throw DeskProblem.conflict("problem.nothing-to-correct");
            }
        }, (eventId, at, by, c) -> new ClassificationCorrected(eventId, c.id(), at, by, c.category(),
                to(category, c.category()), c.urgency(), urgency == null ? c.urgency() : urgency, why));
    }

    /** The default taxonomy and any category the router has given a complaint on the board. */
    public Set<String> knownCategories() {
        Set<String> known = new TreeSet<>(board.categories());
        Taxonomy.DEFAULT.forEach(c -> known.add(c.code()));
        return known;
    }

    private static String to(String asked, String current) {
        return asked == null || asked.isBlank() ? String.valueOf(current) : asked.strip();
    }
}
