package io.hearken.events.i18n;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * The language of the shared error pages ({@code templates/error}). They are rendered on the container's error
 * dispatch, which no module's language filter sees; without this they follow the application's LocaleResolver,
 * and a request without {@code Accept-Language} gets the server's own language. Registered for error dispatches
 * only ({@link MessagesAutoConfiguration}): Chinese unless English is preferred ({@link Languages}).
 */
public class ErrorPageLanguage implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request instanceof HttpServletRequest http
                ? new LanguageRequest(http, Languages.fromAcceptLanguage(http.getHeader("Accept-Language")))
                : request, response);
    }
}
