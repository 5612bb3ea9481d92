package io.hearken.intake.web.i18n;

import io.hearken.events.i18n.LanguageRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The resident pages' language ({@link WebLocales#resolve}: {@code ?lang=}, remembered in a cookie, else
 * Accept-Language, else Chinese), set on the request so their {@code #{web.…}} texts follow it.
 */
@Component
public class PageLanguage extends OncePerRequestFilter {

    static final Set<String> PAGES = Set.of("/", "/track", "/track/comment");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PAGES.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LanguageRequest(request, WebLocales.resolve(request, response)), response);
    }
}
