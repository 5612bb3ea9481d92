package io.hearken.intake.web.attachments;

import io.hearken.intake.web.i18n.WebLocales;
import io.hearken.intake.web.i18n.WebMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the multipart limits fails before any controller is chosen, so no controller advice sees it.
 * For the web channel's own paths this answers 413 in the user's language (a problem body for the API, a
 * short page for the form); other paths are left to the next resolver.
 */
@Component
class UploadLimitResolver implements HandlerExceptionResolver, Ordered {

    private final WebMessages messages;

    UploadLimitResolver(WebMessages messages) {
        this.messages = messages;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(ex instanceof MaxUploadSizeExceededException || ex instanceof MultipartException
                && ex.getCause() != null && String.valueOf(ex.getCause().getMessage()).contains("exceed"))) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/v1/complaints");
        if (!api && !path.equals("/")) {
            return null;
        }
        try {
            Locale locale = api ? WebLocales.resolveForApi(request) : WebLocales.resolve(request, null);
            response.setStatus(413);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String title = messages.get("problem.too-large.title", locale);
            String detail = messages.get("problem.too-large.detail", locale);
            if (api) {
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"urn:hearken:problem:too-large\",\"title\":\"" + json(title)
                        + "\",\"status\":413,\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(path) + "\"}");
            } else {
                response.setContentType("text/html");
                response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>413</title>"
                        + "</head><body><h1>" + html(title) + "</h1><p>" + html(detail) + "</p><p><a href=\"/\">"
                        + html(messages.get("nav.form", locale)) + "</a></p></body></html>");
            }
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
