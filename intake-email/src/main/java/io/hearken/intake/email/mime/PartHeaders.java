package io.hearken.intake.email.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParameterList;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a MIME part says about itself (type, disposition, file name), read leniently: broken headers are common. */
final class PartHeaders {

    private PartHeaders() {
    }

    static String disposition(Part part) {
        try {
            String[] raw = part.getHeader("Content-Disposition");
            if (raw == null || raw.length == 0) {
                return null;
            }
            return new ContentDisposition(raw[0]).getDisposition().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            String[] raw;
            try {
                raw = part.getHeader("Content-Disposition");
            } catch (MessagingException e2) {
                return null;
            }
            return raw[0].toLowerCase(Locale.ROOT).startsWith("attachment") ? "attachment" : "inline";
        }
    }

    /** RFC 2231 (filename*=), RFC 2047 inside quotes (Outlook, many Chinese clients), raw 8-bit names. */
    static String fileName(Part part) {
        String raw = null;
        try {
            String[] cd = part.getHeader("Content-Disposition");
            if (cd != null && cd.length > 0) {
                raw = param(cd[0], "filename", true);
            }
            if (raw == null) {
                String[] ct = part.getHeader("Content-Type");
                if (ct != null && ct.length > 0) {
                    raw = param(ct[0], "name", false);
                }
            }
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = EncodedWords.decode(raw);
        name = name.replaceAll("[\\\\/\\x00-\\x1f]", "_").strip();
        return name.isEmpty() ? null : name;
    }

    private static String param(String header, String name, boolean disposition) {
        try {
            ParameterList list = disposition ? new ContentDisposition(header).getParameterList()
                    : new ContentType(header).getParameterList();
            return list == null ? null : list.get(name); // RFC 2231 continuations and charsets decoded here
        } catch (jakarta.mail.internet.ParseException | RuntimeException e) {
            Matcher m = Pattern.compile("(?i)" + name + "\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))").matcher(header);
            return m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
        }
    }

    /** The part's Content-Type, {@code text/plain} when missing or unreadable. */
    static String contentType(Part part) {
        try {
            String t = part.getContentType();
            return t == null ? "text/plain" : t;
        } catch (MessagingException | RuntimeException e) {
            return "text/plain";
        }
    }
}
