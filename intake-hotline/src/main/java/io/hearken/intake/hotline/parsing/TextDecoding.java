package io.hearken.intake.hotline.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Call-centre software exports UTF-8 or GBK / GB18030. Rule: a byte-order mark wins; else the bytes are
 * UTF-8 if they decode strictly as UTF-8 (GBK Chinese text practically never does); else GB18030, a superset
 * of GBK and GB2312 that can decode any byte sequence.
 */
public final class TextDecoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {
    }

    public record Decoded(String text, Charset charset) {
    }

    /** The byte-order mark at the start of {@code bytes} (empty if none): {@link #decode} drops it, a rewrite keeps it. */
    public static byte[] byteOrderMark(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return Arrays.copyOf(bytes, 3);
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            return Arrays.copyOf(bytes, 2);
        }
        if (bytes.length >= 4 && Arrays.equals(bytes, 0, 4, new byte[] {(byte) 0x84, 0x31, (byte) 0x95, 0x33}, 0, 4)) {
            return Arrays.copyOf(bytes, 4); // the GB18030 BOM
        }
        return new byte[0];
    }

    public static Decoded decode(byte[] bytes) {
        int mark = byteOrderMark(bytes).length;
        Charset marked = mark == 3 ? StandardCharsets.UTF_8 : mark == 4 ? GB18030 : mark == 2
                ? ((bytes[0] & 0xFF) == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE) : null;
        if (marked != null) {
            return new Decoded(new String(bytes, mark, bytes.length - mark, marked), marked);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, GB18030), GB18030);
        }
    }
}
