package io.hearken.intake.web.i18n;

import io.hearken.events.i18n.Languages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

/**
 * The two languages of the web channel ({@link Languages}: Chinese (zh-CN) first), English when asked for by
 * {@code ?lang=en}, by the remembered choice (cookie) or by an Accept-Language that prefers English.
 */
public final class WebLocales {

    public static final Locale ZH = Languages.ZH;
    public static final Locale EN = Languages.EN;
    static final String COOKIE = "hearken-lang";

    private WebLocales() {
    }

    /** For pages: an explicit {@code lang} wins and is remembered in a cookie. */
    public static Locale resolve(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        if (lang != null && !lang.isBlank()) {
            Locale chosen = parse(lang);
            if (response != null) {
                Cookie cookie = new Cookie(COOKIE, chosen == EN ? "en" : "zh-CN");
                cookie.setPath("/");
                cookie.setHttpOnly(true);
                cookie.setMaxAge(365 * 24 * 3600);
                response.addCookie(cookie);
            }
            return chosen;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return parse(cookie.getValue());
                }
            }
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** For APIs: {@code lang}/{@code locale} parameter, else Accept-Language, else Chinese. */
    public static Locale resolveForApi(HttpServletRequest request) {
        String lang = request.getParameter("locale");
        if (lang == null || lang.isBlank()) {
            lang = request.getParameter("lang");
        }
        return lang == null || lang.isBlank() ? fromAcceptLanguage(request.getHeader("Accept-Language")) : parse(lang);
    }

    public static Locale fromAcceptLanguage(String header) {
        return Languages.fromAcceptLanguage(header);
    }

    public static Locale parse(String lang) {
        return Languages.parse(lang);
    }

    /** The language tag stored on the event. */
    public static String tag(Locale locale) {
        return Languages.tag(locale);
    }
}
