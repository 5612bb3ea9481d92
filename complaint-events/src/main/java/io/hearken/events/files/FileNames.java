package io.hearken.events.files;

import java.nio.charset.StandardCharsets;

/**
 * Safe file names, for every door that takes a file (web form and API, mail, desk) and for serving one: the name
 * a person gave is shown to others, so a path, a control character or a right-to-left override must not survive
 * it ({@code invoice\u202Egnp.exe} looks like {@code invoiceexe.png}).
 */
public final class FileNames {

    private static final int MAX = 200;

    private FileNames() {
    }

    /**
     * The last path segment, without control, invisible format characters (a right-to-left override), quotes or
     * separators; never empty, {@code .} or {@code ..}; at most 200 characters.
     */
    public static String clean(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        n.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                && c != '"' && c != ';' && c != '\u2028' && c != '\u2029').forEach(out::appendCodePoint);
        String s = out.toString().strip();
        if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) {
            return "attachment";
        }
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }

    /** For {@code Content-Disposition} (RFC 6266, with RFC 5987 {@code filename*}). */
    public static String disposition(boolean inline, String name) {
        String clean = clean(name);
        StringBuilder ascii = new StringBuilder();
        clean.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '\\' && c != '%' ? (char) c : '_'));
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(clean);
    }

    /** RFC 5987 value characters: attr-char stays, every other byte of the UTF-8 form is %XX. */
    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
