package io.hearken.desk.visits;

import io.hearken.desk.board.ComplaintSummary;
import io.hearken.events.ComplaintStatus;
import io.hearken.events.ReturnVisitRule;
import io.hearken.events.Urgency;
import java.time.Instant;

/**
 * A row of the return-visit list: the complaint, why and since when a visit is owed, when it is due, and whom to
 * call (the resident's name and phone, for the complaint's department only, like the rest of the desk).
 */
public record DueVisit(String id, ComplaintStatus status, String department, String category, Urgency urgency,
        String subject, String building, String unit, String residentName, String residentPhone, String residentEmail,
        String handler, String handlerName, ReturnVisitRule.Reason reason, Integer score, Instant since, Instant due,
        boolean overdue, Long secondsLeft) {

    static DueVisit of(ComplaintSummary c, ReturnVisitRule.Due due, Instant now) {
        return new DueVisit(c.id().value(), c.status(), c.department(), c.category(), c.urgency(), c.subject(),
                c.building(), c.unit(), c.residentName(), c.residentPhone(), c.residentEmail(), c.handlerId(),
                c.handlerName(), due.reason(), c.satisfaction(), due.since(), due.due(), due.overdue(now),
                java.time.Duration.between(now, due.due()).toSeconds());
    }
}
