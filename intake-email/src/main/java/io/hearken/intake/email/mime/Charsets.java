package io.hearken.intake.email.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Bytes to text as residents' mail programs really label them: the declared charset is believed when the
 * bytes decode cleanly in it, upgraded to its superset (GB2312 → GB18030, Big5 → Big5-HKSCS, Latin-1 →
 * Windows-1252) because clients write the superset under the old name; otherwise the charset is detected.
 */
public final class Charsets {

    private static final Map<String, String> SUPERSETS = Map.ofEntries(
            Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
            Map.entry("cp936", "GB18030"), Map.entry("euc-cn", "GB18030"), Map.entry("x-euc-cn", "GB18030"),
            Map.entry("chinese", "GB18030"), Map.entry("csgb2312", "GB18030"), Map.entry("hz-gb-2312", "GB18030"),
            Map.entry("big5", "Big5-HKSCS"), Map.entry("x-big5", "Big5-HKSCS"), Map.entry("cn-big5", "Big5-HKSCS"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("ks_c_5601-1987", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("x-sjis", "windows-31j"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"), Map.entry("utf8", "UTF-8"));

    private static final Charset GB18030 = Charset.forName("GB18030");

    private Charsets() {
    }

    /** Text of {@code bytes}; {@code declared} may be null, unknown or wrong. Never throws. */
    public static String decode(byte[] bytes, String declared) {
        if (bytes == null || bytes.length == 0) {
            return "";
        }
        Charset label = forName(declared);
        if (label != null && label.name().startsWith("ISO-2022")) {
            return new String(bytes, label); // 7-bit escapes: nothing to detect
        }
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        boolean latinLabel = label == null || label.name().equals("windows-1252");
        if (!latinLabel) {
            String strict = strict(bytes, label);
            if (strict != null) {
                return strict;
            }
        }
        // Unlabelled, labelled Latin (often wrongly), or the label failed: let the bytes speak.
        Charset detected = detect(bytes);
        if (detected != null && !isLatin(detected) && (latinLabel || !detected.equals(label))) {
            String text = strict(bytes, detected);
            if (text != null) {
                return text;
            }
        }
        // Short text fools detectors (GBK looks like KOI8-R): our residents write Chinese far more often.
        for (Charset guess : new Charset[] {StandardCharsets.UTF_8, GB18030}) {
            String text = strict(bytes, guess);
            boolean labelledLatin = label != null && latinLabel;
            if (text != null && (guess == StandardCharsets.UTF_8 || !labelledLatin && mostlyHan(text))) {
                return text;
            }
        }
        if (label != null) {
            return new String(bytes, label);
        }
        return new String(bytes, detected != null ? detected : Charset.forName("windows-1252"));
    }

    /** At least 80% of the non-ASCII characters are Chinese: a plausible reading, not mojibake. */
    private static boolean mostlyHan(String text) {
        int nonAscii = 0;
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x80) {
                nonAscii++;
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)) {
                    han++;
                }
            }
            i += Character.charCount(cp);
        }
        return nonAscii > 0 && han * 5 >= nonAscii * 4;
    }

    /** The Java charset for a MIME label, upgraded to the superset clients really use; null if unknown. */
    public static Charset forName(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        int star = name.indexOf('*'); // RFC 2231 language suffix
        if (star > 0) {
            name = name.substring(0, star);
        }
        name = SUPERSETS.getOrDefault(name, name);
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Charset detect(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 64 * 1024));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        return name == null ? null : forName(name);
    }

    private static boolean isLatin(Charset c) {
        String n = c.name();
        return n.startsWith("windows-125") || n.startsWith("ISO-8859") || n.equals("US-ASCII");
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return null;
        }
    }
}
