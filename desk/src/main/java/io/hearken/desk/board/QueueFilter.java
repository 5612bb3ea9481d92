package io.hearken.desk.board;

import io.hearken.events.ComplaintStatus;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a person asks of their queue. {@code statuses} empty = the open ones; {@code department} only counts
 * for a manager (who sees every department). Search {@code q} looks at the id, text, place and contact.
 * {@code assignee}: only the complaints this person (a user name) is named to handle.
 */
public record QueueFilter(Set<ComplaintStatus> statuses, String building, String category, String q,
        String department, String assignee) {

    public static QueueFilter open() {
        return new QueueFilter(Set.of(), null, null, null, null, null);
    }

    public QueueFilter(Set<ComplaintStatus> statuses, String building, String category, String q, String department) {
        this(statuses, building, category, q, department, null);
    }

    public QueueFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        building = blankToNull(building);
        category = blankToNull(category);
        q = blankToNull(q);
        department = blankToNull(department);
        assignee = blankToNull(assignee);
    }

    Predicate<ComplaintSummary> asPredicate() {
        return c -> (statuses.isEmpty() ? c.open() : statuses.contains(c.status()))
                && (building == null || building.equalsIgnoreCase(nullToEmpty(c.building())))
                && (category == null || category.equals(c.category()))
                && (department == null || department.equals(c.department()))
                && (assignee == null || assignee.equals(c.handlerId()))
                && (q == null || c.matches(q.toLowerCase(Locale.ROOT)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
