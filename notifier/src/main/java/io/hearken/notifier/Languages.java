package io.hearken.notifier;

import java.util.Locale;

/** The two languages of Hearken's mails and pages: English for any {@code en*} tag, Simplified Chinese otherwise. */
public final class Languages {

    private Languages() {
    }

    public static Locale locale(String language) {
        if (language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    public static String tag(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN";
    }
}
