package io.hearken.analytics.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's texts from {@code i18n/analytics*.properties} (UTF-8), zh-CN by default, English on
 * request ({@code ?lang=en} or an English Accept-Language). Our own bundle, so the all-in-one's shared
 * MessageSource needs no configuration for this module.
 */
final class AnalyticsMessages {

    private static final Map<Locale, Map<String, String>> CACHE = new ConcurrentHashMap<>();

    private AnalyticsMessages() {
    }

    static Locale locale(HttpServletRequest request, String lang) {
        // Without ?lang and without Accept-Language the servlet falls back to the JVM's locale: use zh-CN instead.
        String tag = lang != null && !lang.isBlank() ? lang
                : request.getHeader("Accept-Language") != null ? request.getLocale().getLanguage() : "zh";
        return tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    static Map<String, String> of(Locale locale) {
        return CACHE.computeIfAbsent(locale, l -> {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n/analytics", l,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> map = new TreeMap<>();
            bundle.keySet().forEach(k -> map.put(k, bundle.getString(k)));
            return Collections.unmodifiableMap(map);
        });
    }
}
