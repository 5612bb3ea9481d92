package io.hearken.intake.web.i18n;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The web channel's texts ({@code i18n/web_*.properties}). Deliberately not a {@code MessageSource} bean:
 * the desk and the notifier have their own, and Boot's {@code messageSource} stays theirs to configure.
 * Templates get all texts as a map ({@code ${t['form.name']}}).
 */
@Component
public class WebMessages {

    static final String BASENAME = "i18n/web";

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    private final Map<Locale, Map<String, String>> all = new java.util.concurrent.ConcurrentHashMap<>();

    public WebMessages() {
        source.setBasename(BASENAME);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(true);
    }

    public String get(String code, Locale locale, Object... args) {
        return source.getMessage(code, args, locale);
    }

    /** The text, or {@code fallback} when there is none for this code. */
    public String getOrDefault(String code, String fallback, Locale locale) {
        return source.getMessage(code, null, fallback, locale);
    }

    public String get(MessageSourceResolvable resolvable, Locale locale) {
        return source.getMessage(resolvable, locale);
    }

    /** The text of one field problem: {@code validation.<code>.<field>}, else {@code validation.<code>}. */
    public String violation(io.hearken.intake.web.intake.Violation v, Locale locale) {
        return get(new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"validation." + v.code() + "." + v.field(), "validation." + v.code()},
                v.args().toArray(), v.code()), locale);
    }

    /** Every text of one language, for the templates. */
    public Map<String, String> all(Locale locale) {
        return all.computeIfAbsent(locale, l -> {
            ResourceBundle bundle = ResourceBundle.getBundle(BASENAME, l, getClass().getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> texts = new LinkedHashMap<>();
            for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                texts.put(key, get(key, l));
            }
            return Map.copyOf(texts);
        });
    }
}
