package io.hearken.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the notifier names its mails and how the email channel recognises replies to them: every
 * outgoing Message-ID is {@code <HK-XXXX-XXXX.<suffix>@<domain>>}, the first mail's id is the thread
 * root, and the subject carries {@code [HK-XXXX-XXXX]}.
 */
public final class MailThreading {

    /** Header on every mail we send; the email channel skips incoming mail that carries it (a loop). */
    public static final String ORIGIN_HEADER = "X-Hearken-Origin";
    public static final String COMPLAINT_HEADER = "X-Hearken-Complaint";

    private static final Pattern OURS = Pattern.compile("<(HK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})\\.[^@>\\s]+@([^>\\s]+)>");

    private MailThreading() {
    }

    /** {@code <HK-7K2M-9QXD.root@hearken.local>}: what every later mail refers to. */
    public static String rootMessageId(ComplaintId id, String domain) {
        return "<" + id.value() + ".root@" + domain + ">";
    }

    /** {@code <HK-7K2M-9QXD.<eventId>@hearken.local>}: stable for one event, so a resend has the same id. */
    public static String messageId(ComplaintId id, String eventId, String domain) {
        return "<" + id.value() + "." + eventId.replaceAll("[^A-Za-z0-9-]", "") + "@" + domain + ">";
    }

    /** {@code [HK-7K2M-9QXD] text}. */
    public static String subject(ComplaintId id, String text) {
        return "[" + id.value() + "] " + text;
    }

    /** The complaint a reply belongs to, from its In-Reply-To or References header, if one of ours is there. */
    public static Optional<ComplaintId> complaintIdFromReferences(String headerValue, String domain) {
        if (headerValue == null) {
            return Optional.empty();
        }
        Matcher m = OURS.matcher(headerValue);
        while (m.find()) {
            if (m.group(2).equalsIgnoreCase(domain)) {
                return Optional.of(ComplaintId.of(m.group(1)));
            }
        }
        return Optional.empty();
    }
}
