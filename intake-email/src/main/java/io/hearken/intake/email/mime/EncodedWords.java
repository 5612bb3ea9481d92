package io.hearken.intake.email.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header text (subjects, names, file names) as clients really write it: RFC 2047 encoded words whose
 * multi-byte characters are split across adjacent words (common with GBK and UTF-8 subjects), encoded
 * words inside quotes or glued to text, old labels (gb2312 for GBK), and raw 8-bit bytes with no label.
 */
public final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]+");

    private EncodedWords() {
    }

    /** Decoded, unfolded text; null stays null. */
    public static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String text = FOLD.matcher(raw).replaceAll(" ").replace("\r", "").replace("\n", "");
        text = repair8bit(text);
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        String charset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String gap = text.substring(last, m.start());
            boolean adjacent = charset != null && gap.isBlank(); // whitespace between encoded words is dropped
            if (!(adjacent && m.group(1).equalsIgnoreCase(charset))) {
                flush(out, pending, charset);
                if (!adjacent) {
                    out.append(gap);
                }
            }
            charset = m.group(1);
            byte[] bytes = "B".equalsIgnoreCase(m.group(2)) ? base64(m.group(3)) : q(m.group(3));
            pending.writeBytes(bytes);
            last = m.end();
        }
        flush(out, pending, charset);
        out.append(text.substring(last));
        return out.toString().strip();
    }

    /** Raw bytes that reached us as ISO-8859-1 characters (an unlabelled 8-bit header): find their charset. */
    static String repair8bit(String text) {
        boolean high = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return text; // already real Unicode
            }
            high |= c >= 0x80;
        }
        return high ? Charsets.decode(text.getBytes(StandardCharsets.ISO_8859_1), null) : text;
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(Charsets.decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getMimeDecoder().decode(s.replace("=", ""));
        } catch (IllegalArgumentException e) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static byte[] q(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < s.length()) {
                try {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                } catch (NumberFormatException e) {
                    out.write(c);
                }
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
