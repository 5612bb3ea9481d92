package io.hearken.analytics.dashboard;

import io.hearken.events.i18n.LanguageRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** The dashboard pages' language ({@link AnalyticsMessages#locale}) for their {@code #{…}} texts. */
@Component
class DashboardLanguage extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals("/dashboard") && !path.startsWith("/dashboard/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LanguageRequest(request,
                AnalyticsMessages.locale(request, request.getParameter("lang"))), response);
    }
}
