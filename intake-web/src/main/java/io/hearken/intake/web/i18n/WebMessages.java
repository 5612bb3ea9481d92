package io.hearken.intake.web.i18n;

import io.hearken.intake.web.intake.Violation;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The web channel's texts for code that is not a template: {@code web.*} in {@code i18n/web*.properties}, read
 * through the application's one message source (templates use {@code #{web.…}}). Callers name keys without
 * {@code web.}; a missing text shows its key.
 */
@Component
public class WebMessages {

    static final String PREFIX = "web.";

    private final MessageSource source;

    public WebMessages(MessageSource source) {
        this.source = source;
    }

    public String get(String code, Locale locale, Object... args) {
        return source.getMessage(PREFIX + code, args, code, locale);
    }

    /** The text, or {@code fallback} when there is none for this code. */
    public String getOrDefault(String code, String fallback, Locale locale) {
        return source.getMessage(PREFIX + code, null, fallback, locale);
    }

    /** The text of one field problem: {@code validation.<code>.<field>}, else {@code validation.<code>}. */
    public String violation(Violation v, Locale locale) {
        return source.getMessage(new DefaultMessageSourceResolvable(
                new String[] {PREFIX + "validation." + v.code() + "." + v.field(), PREFIX + "validation." + v.code()},
                v.args().toArray(), v.code()), locale);
    }
}
