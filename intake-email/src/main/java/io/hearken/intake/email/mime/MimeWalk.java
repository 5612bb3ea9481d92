package io.hearken.intake.email.mime;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One walk through a message's MIME parts, collecting what {@link MailReader} needs: the text (plain, else HTML,
 * plus forwarded messages), the reply text, the attachments up to the size limit and notes on the ones left out, and
 * a delivery report when the mail is one. multipart/alternative prefers the plain part when it says something.
 */
final class MimeWalk {

    private static final int MAX_DEPTH = 12;

    private final long maxAttachmentBytes;
    private final StringBuilder plain = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private final StringBuilder htmlReply = new StringBuilder();
    private final StringBuilder forwardedText = new StringBuilder();
    final List<MailFile> files = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    DeliveryReport report;
    boolean forwarded;

    MimeWalk(long maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /** The text of the mail, forwarded messages included, tidied. */
    String body() {
        String main = plain.length() > 0 ? plain.toString() : html.toString();
        return Texts.tidy(main + (forwardedText.length() > 0 ? "\n\n" + forwardedText : ""));
    }

    /** The text to cut a reply's new part from: HTML without quoted blocks when there is no plain text. */
    String replyBody() {
        return plain.length() > 0 ? plain.toString() : htmlReply.toString();
    }

    void walk(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            notes.add("parts nested deeper than " + MAX_DEPTH + " levels were ignored");
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
                alternative(mp, depth);
            } else {
                for (int i = 0; i < mp.getCount(); i++) {
                    walk(mp.getBodyPart(i), depth + 1);
                }
            }
        } else if (type.startsWith("message/delivery-status") || type.startsWith("message/global-delivery-status")) {
            report = DeliveryReport.withStatus(report, part);
        } else if (type.startsWith("text/rfc822-headers")) {
            report = DeliveryReport.withOriginal(report, new InternetHeaders(part.getInputStream()));
        } else if (type.startsWith("message/rfc822") && report != null) {
            report = DeliveryReport.withOriginal(report, new InternetHeaders(part.getInputStream()));
        } else if (type.startsWith("message/rfc822")) {
            forwarded(part, depth);
        } else if (!attachment && type.startsWith("text/plain")) {
            plain.append(plain.length() > 0 ? "\n" : "").append(text(part));
        } else if (!attachment && type.startsWith("text/html")) {
            String h = text(part);
            html.append(html.length() > 0 ? "\n" : "").append(HtmlText.toText(h, false));
            htmlReply.append(htmlReply.length() > 0 ? "\n" : "").append(HtmlText.toText(h, true));
        } else {
            file(part, type, fileName, "inline".equals(disposition) || !attachment);
        }
    }

    /** Prefer the plain part when it says something; else the richest (HTML, or related HTML with images). */
    private void alternative(Multipart mp, int depth) throws MessagingException, IOException {
        BodyPart plainPart = null;
        BodyPart rich = null;
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            String t = lower(PartHeaders.contentType(p));
            if (t.startsWith("text/plain")) {
                plainPart = p;
            } else if (t.startsWith("text/html") || t.startsWith("multipart/")) {
                rich = p;
            }
        }
        if (plainPart != null && !Texts.tidy(text(plainPart)).isEmpty()
                && (rich == null || !lower(PartHeaders.contentType(rich)).startsWith("multipart/"))) {
            walk(plainPart, depth + 1);
            if (rich != null) { // HTML reply without quotes, if the plain one has none to cut
                htmlReply.append(HtmlText.toText(text(rich), true));
            }
        } else if (rich != null) {
            walk(rich, depth + 1);
        } else if (plainPart != null) {
            walk(plainPart, depth + 1);
        }
    }

    private void forwarded(Part part, int depth) throws MessagingException, IOException {
        Object content = part.getContent();
        if (!(content instanceof MimeMessage inner)) {
            notes.add("a forwarded message could not be read");
            return;
        }
        forwarded = true;
        MimeWalk sub = new MimeWalk(maxAttachmentBytes);
        sub.walk(inner, depth + 1);
        Sender from = Sender.of(inner);
        StringBuilder f = forwardedText;
        f.append("---------- Forwarded message / 转发的邮件 ----------\n");
        if (from != null) {
            f.append("From: ").append(from.name() != null ? from.name() + " <" + from.address() + ">" : from.address()).append('\n');
        }
        String date = inner.getHeader("Date", null);
        if (date != null) {
            f.append("Date: ").append(date.strip()).append('\n');
        }
        f.append("Subject: ").append(MailReader.nz(EncodedWords.decode(inner.getHeader("Subject", null)))).append("\n\n");
        f.append(sub.body()).append('\n');
        files.addAll(sub.files);
        notes.addAll(sub.notes);
    }

    private void file(Part part, String type, String fileName, boolean inline) throws MessagingException, IOException {
        String name = fileName != null ? fileName : "part-" + (files.size() + 1) + extension(type);
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
            notes.add("attachment \"" + name + "\" (" + MailReader.megabytes(size) + ") is over the "
                    + MailReader.megabytes(maxAttachmentBytes) + " limit and was not kept");
            return;
        }
        if (size == 0) {
            return;
        }
        files.add(new MailFile(name, type.split(";")[0].strip(), out.toByteArray(), inline));
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

    private static String extension(String type) {
        String t = lower(type);
        return t.startsWith("image/jpeg") ? ".jpg" : t.startsWith("image/png") ? ".png" : t.startsWith("image/gif") ? ".gif"
                : t.startsWith("application/pdf") ? ".pdf" : ".bin";
    }

    static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
