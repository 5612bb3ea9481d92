package io.hearken.notifier.complaints;

import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import java.time.Instant;

/** What the notifier keeps per complaint, because update events carry only the complaint id. */
public record ComplaintFacts(ComplaintId id, Instant routedAt, Contact contact, String language, String subject,
        String category, String department, Instant firstResponseDue, Instant resolutionDue) {

    static ComplaintFacts of(ComplaintRouted routed) {
        ComplaintReceived c = routed.complaint();
        ComplaintRouted.Assignment a = routed.assignment();
        return new ComplaintFacts(routed.complaintId(), routed.at(),
                c == null || c.contact() == null ? new Contact(null, null, null) : c.contact(),
                c == null ? null : c.language(), c == null ? null : subjectOf(c),
                routed.classification() == null ? null : routed.classification().category(),
                a == null ? null : a.department(), a == null ? null : a.firstResponseDue(),
                a == null ? null : a.resolutionDue());
    }

    private static String subjectOf(ComplaintReceived c) {
        if (c.subject() != null && !c.subject().isBlank()) {
            return c.subject().strip();
        }
        String d = c.description() == null ? "" : c.description().strip().replaceAll("\\s+", " ");
        return d.codePointCount(0, d.length()) <= 40 ? d : d.substring(0, d.offsetByCodePoints(0, 40)) + "…";
    }
}
