package io.hearken.intake.web.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;

/**
 * The two languages of the web channel: Chinese (zh-CN) by default, English when asked for by
 * {@code ?lang=en}, by the remembered choice (cookie) or by an Accept-Language that prefers English.
 */
public final class WebLocales {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
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

    public static Locale parse(String lang) {
        return lang != null && lang.strip().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }

    /** The language tag stored on the event. */
    public static String tag(Locale locale) {
        return locale == EN || "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }
}
