package io.hearken.notifier.delivery;

import io.hearken.events.ComplaintId;
import java.util.Locale;
import java.util.Map;

/**
 * One message to one recipient about one event, independent of the medium: {@code kind} names the template,
 * {@code model} holds its values (already formatted for {@code locale}). {@code threadRoot}: the first mail of
 * the complaint, whose Message-ID every later mail refers to. {@code originalMessageId}: the resident's own mail
 * that started the complaint (email channel only, else {@code null}); a mail medium threads under it.
 */
public record Notice(MailKind kind, ComplaintId complaintId, String causeEventId, Recipient recipient, Locale locale,
        Map<String, Object> model, boolean threadRoot, String originalMessageId) {

    /** The model's key for the files staff attached ({@code List<Attachment>}), which a mail carries as attachments. */
    public static final String ATTACHMENTS = "attachments";

    public Notice {
        model = Map.copyOf(model);
    }

    public Notice(MailKind kind, ComplaintId complaintId, String causeEventId, Recipient recipient, Locale locale,
            Map<String, Object> model, boolean threadRoot) {
        this(kind, complaintId, causeEventId, recipient, locale, model, threadRoot, null);
    }
}
