package io.hearken.desk.i18n;

import java.util.Locale;

/** The desk speaks Chinese (simplified) and English. */
public final class DeskLanguages {

    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private DeskLanguages() {
    }

    /** The supported language closest to a tag such as {@code zh}, {@code zh-Hans-CN}, {@code en-GB}; null if none. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "zh" -> CHINESE;
            case "en" -> ENGLISH;
            default -> null;
        };
    }

    public static Locale supported(Locale locale) {
        return locale == null ? null : supported(locale.toLanguageTag());
    }
}
