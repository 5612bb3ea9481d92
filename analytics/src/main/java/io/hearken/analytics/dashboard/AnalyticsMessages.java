package io.hearken.analytics.dashboard;

import io.hearken.events.i18n.Languages;
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

    /** {@code ?lang=} if given, else the house's one rule for {@code Accept-Language} (Chinese without one). */
    static Locale locale(HttpServletRequest request, String lang) {
        return lang != null && !lang.isBlank() ? Languages.parse(lang)
                : Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** Every dashboard text of one language, keys without {@code analytics.}. */
    Map<String, String> of(Locale locale) {
        return all.computeIfAbsent(locale, l -> MessageTexts.under(messages, "i18n/analytics", PREFIX, l));
    }

    String get(String key, Locale locale) {
        return messages.getMessage(PREFIX + key, null, key, locale);
    }
}
