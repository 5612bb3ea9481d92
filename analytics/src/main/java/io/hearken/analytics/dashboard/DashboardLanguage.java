package io.hearken.analytics.dashboard;

import io.hearken.events.i18n.LanguageRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** The dashboard pages' language ({@link AnalyticsMessages#locale}) for their {@code #{…}} texts. */
class DashboardLanguage extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LanguageRequest(request,
                AnalyticsMessages.locale(request, request.getParameter("lang"))), response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<DashboardLanguage> dashboardLanguage() {
            FilterRegistrationBean<DashboardLanguage> registration = new FilterRegistrationBean<>(new DashboardLanguage());
            registration.addUrlPatterns("/dashboard", "/dashboard/*");
            return registration;
        }
    }
}
