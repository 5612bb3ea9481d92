package io.hearken.intake.email.intake;

import io.hearken.intake.email.mime.EncodedWords;
import io.hearken.intake.email.mime.ReadMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** What names a mail (its key for deduplication, its source reference) and what a complaint keeps of it. */
final class MailFacts {

    private MailFacts() {
    }

    /** What the complaint keeps of the mail besides its text: ids, mailbox, dates, notes. */
    static Map<String, String> details(ReadMail mail, String origin) {
        Map<String, String> d = new LinkedHashMap<>();
        put(d, "messageId", mail.messageId());
        put(d, "mailbox", origin);
        put(d, "sentAt", mail.sentAt() == null ? null : mail.sentAt().toString());
        put(d, "inReplyTo", mail.inReplyTo());
        if (mail.forwarded()) {
            d.put("forwarded", "true");
        }
        FollowUps.mentionedId(mail).ifPresent(id -> d.put("mentionsTrackingId", id.value()));
        if (!mail.notes().isEmpty()) {
            d.put("notes", String.join("; ", mail.notes()));
        }
        return d;
    }

    private static void put(Map<String, String> d, String k, String v) {
        if (v != null && !v.isBlank()) {
            d.put(k, v);
        }
    }

    /** The Message-ID when there is one; otherwise the content hash names the input. */
    static String sourceRef(ReadMail mail) {
        return mail.messageId() != null ? mail.messageId() : "sha256:" + mail.contentHash();
    }

    /** Message-ID plus content: equal for copies and redeliveries, different for a reused Message-ID. */
    static String dedupeKey(ReadMail mail) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    ((mail.messageId() == null ? "" : mail.messageId()) + "\n" + mail.contentHash()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            String v = m.getHeader(name, " ");
            return v == null ? null : EncodedWords.decode(v);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}
