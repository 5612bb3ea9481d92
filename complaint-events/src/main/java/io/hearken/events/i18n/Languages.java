package io.hearken.events.i18n;

import java.util.List;
import java.util.Locale;

/**
 * Hearken's two languages, Chinese (zh-CN) first: most residents read it, so a page nobody chose a language for
 * (no {@code Accept-Language}, another language, a malformed header) is Chinese, never the server's own language.
 * English when it is asked for. The web form ({@code WebLocales}), the dashboard ({@code AnalyticsMessages}) and the
 * error pages ({@link ErrorPageLanguage}) follow this one rule.
 */
public final class Languages {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private Languages() {
    }

    /** English when the header prefers it to Chinese; Chinese otherwise, also without a header. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ZH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            Locale best = Locale.lookup(ranges, List.of(ZH, EN, Locale.CHINESE));
            return best != null && best.getLanguage().equals("en") ? EN : ZH;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return ZH; // the JDK's parser throws the latter for a bare "-" range (found by ComplaintInputsFuzzTest)
        }
    }

    /** A language chosen by name ({@code ?lang=}, a cookie, a setting): English if it says so, else Chinese. */
    public static Locale parse(String lang) {
        return lang != null && lang.strip().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }

    /** The language tag stored on events and in pages' {@code lang}: {@code en} or {@code zh-CN}. */
    public static String tag(Locale locale) {
        return locale == EN || "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }
}
