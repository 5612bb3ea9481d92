package io.hearken.analytics.dashboard;

import io.hearken.events.i18n.MessageTexts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's texts ({@code analytics.*} in {@code i18n/analytics*.properties}, read through the application's
 * message source), zh-CN by default, English on request ({@code ?lang=en} or an English Accept-Language).
 * Templates use {@code #{analytics.…}}; the map ({@link #of}) is for the dashboard's script and code names.
 */
@Component("analyticsMessages")
class AnalyticsMessages {

    static final String PREFIX = "analytics.";

    private final MessageSource messages;
    private final Map<Locale, Map<String, String>> all = new ConcurrentHashMap<>();

    AnalyticsMessages(MessageSource messages) {
        this.messages = messages;
    }

    static Locale locale(HttpServletRequest request, String lang) {
        // Without ?lang and without Accept-Language the servlet falls back to the JVM's locale: use zh-CN instead.
        String tag = lang != null && !lang.isBlank() ? lang
                : request.getHeader("Accept-Language") != null ? request.getLocale().getLanguage() : "zh";
        return tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** Every dashboard text of one language, keys without {@code analytics.}. */
    Map<String, String> of(Locale locale) {
        return all.computeIfAbsent(locale, l -> MessageTexts.under(messages, "i18n/analytics", PREFIX, l));
    }

    String get(String key, Locale locale) {
        return messages.getMessage(PREFIX + key, null, key, locale);
    }
}
