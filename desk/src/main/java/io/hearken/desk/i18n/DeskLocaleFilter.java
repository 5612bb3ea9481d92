package io.hearken.desk.i18n;

import io.hearken.events.i18n.LanguageRequest;
import io.hearken.staff.StaffPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Picks the desk's language without touching the application's LocaleResolver (the all-in-one shares it with the
 * resident pages): {@code ?lang=} (remembered in the session), else the signed-in person's language, else the
 * browser's. An API client's own {@code Accept-Language} wins over the person's setting. Runs after Security.
 */
public class DeskLocaleFilter extends OncePerRequestFilter {

    static final String SESSION_KEY = DeskLocaleFilter.class.getName() + ".lang";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale chosen = choose(request);
        chain.doFilter(chosen == null ? request : new LanguageRequest(request, chosen), response);
    }

    private static Locale choose(HttpServletRequest request) {
        Locale asked = DeskLanguages.supported(request.getParameter("lang"));
        if (asked != null) {
            request.getSession().setAttribute(SESSION_KEY, asked.toLanguageTag());
            return asked;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof String tag) {
            return DeskLanguages.supported(tag);
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (api && request.getHeader("Accept-Language") != null) {
            return null;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal person) {
            return DeskLanguages.supported(person.language());
        }
        return null;
    }
}
