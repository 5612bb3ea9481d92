package io.hearken.intake.email.mime;

import java.util.regex.Pattern;

/** Whitespace and language helpers shared by the readers. */
public final class Texts {

    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0\\u3000]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private Texts() {
    }

    /** Trailing spaces off, at most one empty line in a row, no leading/trailing blank lines. */
    public static String tidy(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace("\u200b", "").replace("\ufeff", "");
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            out.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return BLANK_LINES.matcher(out).replaceAll("\n\n").strip();
    }

    /** {@code zh-CN} when Chinese characters carry the text, else {@code en}. */
    public static String guessLanguage(String... parts) {
        int han = 0;
        int latin = 0;
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            for (int i = 0; i < part.length(); ) {
                int cp = part.codePointAt(i);
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                    han++;
                } else if (cp < 0x250 && Character.isLetter(cp)) {
                    latin++;
                }
                i += Character.charCount(cp);
            }
        }
        return han > 0 && han * 4 >= latin ? "zh-CN" : "en";
    }
}
