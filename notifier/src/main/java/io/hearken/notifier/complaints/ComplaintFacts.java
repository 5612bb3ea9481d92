package io.hearken.notifier.complaints;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What the notifier keeps per complaint, because update events carry only the complaint id.
 * {@code originalMessageId}: the Message-ID of the resident's own mail when the complaint came by email, so our
 * mails hang under it in the resident's mail client.
 */
public record ComplaintFacts(ComplaintId id, Instant routedAt, Contact contact, String language, String subject,
        String category, String department, Instant firstResponseDue, Instant resolutionDue,
        String originalMessageId) {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s@]+@[^<>\\s@]+>");

    static ComplaintFacts of(ComplaintRouted routed) {
        ComplaintReceived c = routed.complaint();
        ComplaintRouted.Assignment a = routed.assignment();
        return new ComplaintFacts(routed.complaintId(), routed.at(),
                c == null || c.contact() == null ? new Contact(null, null, null) : oneLine(c.contact()),
                c == null ? null : c.language(), c == null ? null : subjectOf(c),
                routed.classification() == null ? null : routed.classification().category(),
                a == null ? null : a.department(), a == null ? null : a.firstResponseDue(),
                a == null ? null : a.resolutionDue(), originalMessageId(c));
    }

    private static String originalMessageId(ComplaintReceived c) {
        if (c == null || c.channel() != Channel.EMAIL || c.sourceRef() == null) {
            return null;
        }
        String ref = c.sourceRef().strip();
        return MESSAGE_ID.matcher(ref).matches() ? ref : null;
    }

    /** Name and address go into mail headers (To, a staff mail's Subject): one line each. */
    private static Contact oneLine(Contact c) {
        String name = c.name() == null ? null : c.name().strip().replaceAll("\\s+", " ");
        return new Contact(name, c.email() == null ? null : c.email().strip(), c.phone());
    }

    private static String subjectOf(ComplaintReceived c) {
        if (c.subject() != null && !c.subject().isBlank()) {
            return c.subject().strip().replaceAll("\\s+", " ");
        }
        String d = c.description() == null ? "" : c.description().strip().replaceAll("\\s+", " ");
        return d.codePointCount(0, d.length()) <= 40 ? d : d.substring(0, d.offsetByCodePoints(0, 40)) + "…";
    }
}
