package io.hearken.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * RFC 9457 answers of the staff APIs when sign-in is missing (401, with a Basic challenge unless the caller is
 * the console's own script, which reloads to the sign-in page instead) or the role does not suffice (403).
 */
final class Problems {

    static final String REALM = "Hearken staff";

    private Problems() {
    }

    static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith("/api/");
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
            }
            write(response, 401, "Unauthorized", "请先登录（或提供有效的 API 密钥） / sign in first (HTTP Basic, the "
                    + "sign-in cookie, or where allowed a valid " + StaffEndpoints.API_KEY_HEADER + ")");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, 403, "Forbidden",
                "您的角色无权访问 / your role may not use this");
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
