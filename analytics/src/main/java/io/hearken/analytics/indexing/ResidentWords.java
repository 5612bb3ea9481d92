package io.hearken.analytics.indexing;

import io.hearken.events.privacy.FreeTextMasking;
import java.util.regex.Pattern;

/**
 * A resident's own words as the index keeps them: contact data and identifiers masked ({@link FreeTextMasking}),
 * and the resident's own name, when they write it ("我是张伟", "my name is Jane Doe"), replaced by {@value #NAME}.
 * Other people's names are masked where a title marks them ({@code 李师傅}, {@code Mr Smith}; {@link FreeTextMasking}).
 */
final class ResidentWords {

    static final String NAME = FreeTextMasking.NAME;

    private ResidentWords() {
    }

    static String mask(String text, String residentName) {
        if (text == null) {
            return null;
        }
        String masked = FreeTextMasking.mask(text);
        String name = residentName == null ? "" : residentName.strip();
        // One character is too short to tell from an ordinary word.
        if (name.codePointCount(0, name.length()) < 2) {
            return masked;
        }
        return Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(masked).replaceAll(NAME);
    }
}
