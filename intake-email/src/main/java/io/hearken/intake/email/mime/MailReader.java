package io.hearken.intake.email.mime;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * Reads a MIME message the way residents' clients write it: walks multipart/mixed, alternative, related,
 * report and forwarded message/rfc822 parts, repairs charsets, keeps attachments up to a size limit and
 * notes the ones left out. Free of Spring and of IMAP: works on any {@link MimeMessage}. The walk through the parts
 * is {@link MimeWalk}; here the headers, the sender and the content hash that finds copies of one mail.
 */
public final class MailReader {

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final long maxAttachmentBytes;

    public MailReader(long maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public ReadMail read(MimeMessage message) throws UnreadableMail {
        try {
            Map<String, String> headers = headers(message);
            Sender from = Sender.of(message);
            if (from == null) {
                throw new UnreadableMail("no sender address (From: " + abbreviate(headers.get("from")) + ")");
            }
            String subject = EncodedWords.decode(message.getHeader("Subject", null));
            MimeWalk c = new MimeWalk(maxAttachmentBytes);
            c.walk(message, 0);
            String text = c.body();
            String messageId = clean(message.getHeader("Message-ID", null));
            Instant sentAt = sentAt(message);
            String contentType = MimeWalk.lower(PartHeaders.contentType(message));
            return new ReadMail(messageId, from.name(), from.address(),
                    subject == null ? "" : subject, text, c.replyBody(), clean(message.getHeader("In-Reply-To", " ")),
                    clean(message.getHeader("References", " ")), List.copyOf(c.files), List.copyOf(c.notes),
                    Collections.unmodifiableMap(headers), contentType, c.report, c.forwarded, sentAt,
                    hash(from.address(), subject, text, c.files));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMail("cannot read the MIME structure: " + e, e);
        }
    }

    // ---- headers ----

    private static Map<String, String> headers(MimeMessage message) throws MessagingException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Enumeration<Header> e = message.getAllHeaders(); e.hasMoreElements(); ) {
            Header h = e.nextElement();
            headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), EncodedWords.decode(h.getValue()));
        }
        return headers;
    }

    private static Instant sentAt(MimeMessage m) {
        try {
            java.util.Date d = m.getSentDate();
            return d == null ? null : d.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null; // a garbled Date header: the receive time serves
        }
    }

    private static String hash(String from, String subject, String text, List<MailFile> files) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String s : new String[] {from.toLowerCase(Locale.ROOT), nz(subject), nz(text)}) {
                d.update(s.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            for (MailFile f : files) {
                d.update(MessageDigest.getInstance("SHA-256").digest(f.bytes()));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String clean(String header) {
        if (header == null) {
            return null;
        }
        String s = WHITESPACE.matcher(header).replaceAll(" ").strip();
        return s.isEmpty() ? null : s;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        return s == null ? "missing" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    /** The limit in bytes from a Spring {@link DataSize}. */
    public static MailReader limitedTo(DataSize maxAttachmentSize) {
        return new MailReader(maxAttachmentSize.toBytes());
    }

}
