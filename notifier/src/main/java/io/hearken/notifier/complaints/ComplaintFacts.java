package io.hearken.notifier.complaints;

import io.hearken.events.Channel;
import io.hearken.events.ComplaintId;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.ComplaintReceived;
import io.hearken.events.Contact;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /**
     * The routing cut down to these facts, as the directory stores it: the resident's part stays a
     * {@code complaint-received} record, so {@code Sealing} seals it under the complaint's key as on Kafka, and
     * {@link #of} reads the same facts back from it.
     */
    static ComplaintRouted stored(ComplaintRouted routed) {
        ComplaintFacts f = of(routed);
        ComplaintReceived c = routed.complaint();
        Contact contact = f.contact();
        boolean noContact = contact.name() == null && contact.email() == null && contact.phone() == null;
        // Nothing where nothing is known (erased): an empty value would still be sealed, asking for a key.
        ComplaintReceived resident = c == null ? null : new ComplaintReceived(c.eventId(),
                c.complaintId() == null ? routed.complaintId() : c.complaintId(), c.at(), c.channel(), null,
                f.originalMessageId(), noContact ? null : contact, null, null, f.subject().isEmpty() ? null : f.subject(),
                null, null, f.language(), List.of(), Map.of());
        ComplaintRouted.Assignment a = routed.assignment();
        return new ComplaintRouted(routed.eventId(), routed.complaintId(), routed.at(), resident,
                f.category() == null ? null
                        : new ComplaintRouted.Classification(f.category(), null, 0, false, List.of(), List.of()),
                a == null ? null : new ComplaintRouted.Assignment(a.department(), a.priority(), List.of(),
                        a.firstResponseDue(), a.resolutionDue(), null, null), null);
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
