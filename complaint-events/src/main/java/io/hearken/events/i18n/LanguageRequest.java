package io.hearken.events.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * A request in the language a module chose for it ({@code ?lang=}, a cookie, the person's setting): what the
 * application's LocaleResolver, and so Thymeleaf's {@code #{…}}, then read. A module's filter wraps its own
 * paths with it, so in the all-in-one each module keeps its own rules without a LocaleResolver of its own.
 */
public final class LanguageRequest extends HttpServletRequestWrapper {

    private final Locale locale;

    public LanguageRequest(HttpServletRequest request, Locale locale) {
        super(request);
        this.locale = locale;
    }

    @Override
    public Locale getLocale() {
        return locale;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        return Collections.enumeration(List.of(locale));
    }

    @Override
    public String getHeader(String name) {
        return "Accept-Language".equalsIgnoreCase(name) ? locale.toLanguageTag() : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return "Accept-Language".equalsIgnoreCase(name)
                ? Collections.enumeration(List.of(locale.toLanguageTag())) : super.getHeaders(name);
    }
}
