package io.hearken.intake.email.mime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One incoming mail, decoded: the text is clean (charset repaired, HTML turned to text, forwarded mail
 * included); {@code headers} holds the first value of every header, lower-case names, decoded.
 *
 * @param text          the whole readable body (quoted history kept: a new complaint may need it)
 * @param replyBody     the text a reply's new part is cut from ({@link #replyText()}, only for follow-ups)
 * @param notes         what was left out and why (oversized attachments, unreadable parts)
 * @param report        set when the mail is a delivery status notification
 * @param contentHash   sha-256 over sender, subject, text and attachments: equal for copies of one mail
 */
public record ReadMail(String messageId, String fromName, String fromAddress, String subject, String text,
        String replyBody, String inReplyTo, String references, List<MailFile> files, List<String> notes,
        Map<String, String> headers, String contentType, DeliveryReport report, boolean forwarded, Instant sentAt,
        String contentHash) {

    /** The newly written part only (quotes and signature cut): for follow-ups, so cut only when asked. */
    public String replyText() {
        return ReplyText.newPart(replyBody);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
