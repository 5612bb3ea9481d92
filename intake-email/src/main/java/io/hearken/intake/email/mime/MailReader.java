package io.hearken.intake.email.mime;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
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
 * notes the ones left out. Free of Spring and of IMAP: works on any {@link MimeMessage}.
 */
public final class MailReader {

    private static final int MAX_DEPTH = 12;

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
            Collector c = new Collector();
            walk(message, c, 0);
            String text = c.body();
            String replyText = ReplyText.newPart(c.replyBody());
            String messageId = clean(message.getHeader("Message-ID", null));
            Instant sentAt = sentAt(message);
            String contentType = lower(PartHeaders.contentType(message));
            return new ReadMail(messageId, from.name(), from.address(),
                    subject == null ? "" : subject, text, replyText, clean(message.getHeader("In-Reply-To", " ")),
                    clean(message.getHeader("References", " ")), List.copyOf(c.files), List.copyOf(c.notes),
                    Collections.unmodifiableMap(headers), contentType, c.report, c.forwarded, sentAt,
                    hash(from.address(), subject, text, c.files));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMail("cannot read the MIME structure: " + e, e);
        }
    }

    // ---- parts ----

    private final class Collector {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final StringBuilder htmlReply = new StringBuilder();
        final StringBuilder forwardedText = new StringBuilder();
        final List<MailFile> files = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        DeliveryReport report;
        boolean forwarded;

        String body() {
            String main = plain.length() > 0 ? plain.toString() : html.toString();
            return Texts.tidy(main + (forwardedText.length() > 0 ? "\n\n" + forwardedText : ""));
        }

        String replyBody() {
            return plain.length() > 0 ? plain.toString() : htmlReply.toString();
        }
    }

    private void walk(Part part, Collector c, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            c.notes.add("parts nested deeper than " + MAX_DEPTH + " levels were ignored");
            return;
        }
        String type = lower(PartHeaders.contentType(part));
        String disposition = PartHeaders.disposition(part);
        String fileName = PartHeaders.fileName(part);
        boolean attachment = "attachment".equals(disposition) || (fileName != null && !type.startsWith("text/plain")
                && !type.startsWith("text/html") && !type.startsWith("multipart/") && !type.startsWith("message/rfc822"));
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart mp)) {
                throw new MessagingException("multipart without parts");
            }
            if (type.startsWith("multipart/alternative")) {
                alternative(mp, c, depth);
            } else {
                for (int i = 0; i < mp.getCount(); i++) {
                    walk(mp.getBodyPart(i), c, depth + 1);
                }
            }
        } else if (type.startsWith("message/delivery-status") || type.startsWith("message/global-delivery-status")) {
            c.report = DeliveryReport.withStatus(c.report, part);
        } else if (type.startsWith("text/rfc822-headers")) {
            c.report = DeliveryReport.withOriginal(c.report, new InternetHeaders(part.getInputStream()));
        } else if (type.startsWith("message/rfc822") && c.report != null) {
            c.report = DeliveryReport.withOriginal(c.report, new InternetHeaders(part.getInputStream()));
        } else if (type.startsWith("message/rfc822")) {
            forwarded(part, c, depth);
        } else if (!attachment && type.startsWith("text/plain")) {
            c.plain.append(c.plain.length() > 0 ? "\n" : "").append(text(part));
        } else if (!attachment && type.startsWith("text/html")) {
            String html = text(part);
            c.html.append(c.html.length() > 0 ? "\n" : "").append(HtmlText.toText(html, false));
            c.htmlReply.append(c.htmlReply.length() > 0 ? "\n" : "").append(HtmlText.toText(html, true));
        } else {
            file(part, type, fileName, "inline".equals(disposition) || !attachment, c);
        }
    }

    /** Prefer the plain part when it says something; else the richest (HTML, or related HTML with images). */
    private void alternative(Multipart mp, Collector c, int depth) throws MessagingException, IOException {
        BodyPart plain = null;
        BodyPart rich = null;
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            String t = lower(PartHeaders.contentType(p));
            if (t.startsWith("text/plain")) {
                plain = p;
            } else if (t.startsWith("text/html") || t.startsWith("multipart/")) {
                rich = p;
            }
        }
        if (plain != null && !Texts.tidy(text(plain)).isEmpty() && (rich == null || !lower(PartHeaders.contentType(rich)).startsWith("multipart/"))) {
            walk(plain, c, depth + 1);
            if (rich != null) { // HTML reply without quotes, if the plain one has none to cut
                c.htmlReply.append(HtmlText.toText(text(rich), true));
            }
        } else if (rich != null) {
            walk(rich, c, depth + 1);
        } else if (plain != null) {
            walk(plain, c, depth + 1);
        }
    }

    private void forwarded(Part part, Collector c, int depth) throws MessagingException, IOException {
        Object content = part.getContent();
        if (!(content instanceof MimeMessage inner)) {
            c.notes.add("a forwarded message could not be read");
            return;
        }
        c.forwarded = true;
        Collector sub = new Collector();
        walk(inner, sub, depth + 1);
        Sender from = Sender.of(inner);
        StringBuilder f = c.forwardedText;
        f.append("---------- Forwarded message / 转发的邮件 ----------\n");
        if (from != null) {
            f.append("From: ").append(from.name() != null ? from.name() + " <" + from.address() + ">" : from.address()).append('\n');
        }
        String date = inner.getHeader("Date", null);
        if (date != null) {
            f.append("Date: ").append(date.strip()).append('\n');
        }
        f.append("Subject: ").append(nz(EncodedWords.decode(inner.getHeader("Subject", null)))).append("\n\n");
        f.append(sub.body()).append('\n');
        c.files.addAll(sub.files);
        c.notes.addAll(sub.notes);
    }

    private void file(Part part, String type, String fileName, boolean inline, Collector c) throws MessagingException, IOException {
        String name = fileName != null ? fileName : "part-" + (c.files.size() + 1) + extension(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long size = 0;
        boolean tooBig = false;
        try (InputStream in = part.getInputStream()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                size += n;
                if (size > maxAttachmentBytes) {
                    tooBig = true; // keep counting, stop keeping
                } else {
                    out.write(buf, 0, n);
                }
            }
        }
        if (tooBig) {
            c.notes.add("attachment \"" + name + "\" (" + megabytes(size) + ") is over the " + megabytes(maxAttachmentBytes)
                    + " limit and was not kept");
            return;
        }
        if (size == 0) {
            return;
        }
        c.files.add(new MailFile(name, type.split(";")[0].strip(), out.toByteArray(), inline));
    }

    private static String text(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String charset = null;
        try {
            charset = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException ignored) {
            // a broken Content-Type: detect
        }
        return Charsets.decode(bytes, charset);
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
        String s = header.replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        return s == null ? "missing" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String extension(String type) {
        String t = lower(type);
        return t.startsWith("image/jpeg") ? ".jpg" : t.startsWith("image/png") ? ".png" : t.startsWith("image/gif") ? ".gif"
                : t.startsWith("application/pdf") ? ".pdf" : ".bin";
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    /** The limit in bytes from a Spring {@link DataSize}. */
    public static MailReader limitedTo(DataSize maxAttachmentSize) {
        return new MailReader(maxAttachmentSize.toBytes());
    }

}
