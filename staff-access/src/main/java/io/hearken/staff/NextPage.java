package io.hearken.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Back to the page that asked for sign-in, across deployables: a page sends the browser to
 * {@code /login?next=/dashboard?...}; the service that signs in (the desk, behind the proxy) remembers {@code next}
 * in its session, shows the plain {@code /login} and goes there after sign-in. Only a local path is followed (no
 * open redirect).
 */
final class NextPage extends OncePerRequestFilter implements AuthenticationSuccessHandler {

    static final String PARAMETER = "next";
    private static final String SESSION_KEY = NextPage.class.getName();

    private final String home;

    NextPage(String home) {
        this.home = home;
    }

    /** The entry point of pages: to the sign-in page, with where to come back. */
    static AuthenticationEntryPoint toSignIn() {
        return (request, response, e) -> {
            String back = Problems.path(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + "/login?" + PARAMETER + "="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8));
        };
    }

    static boolean isLocal(String path) {
        return path != null && path.length() < 2000 && path.startsWith("/") && !path.startsWith("//")
                && !path.startsWith("/\\") && path.chars().noneMatch(c -> c < 0x20);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !"/login".equals(Problems.path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String next = request.getParameter(PARAMETER);
        if (next == null) {
            chain.doFilter(request, response);
            return;
        }
        if (isLocal(next)) {
            request.getSession().setAttribute(SESSION_KEY, next);
        }
        // Remembered: on to the plain page (Spring Security's own page answers only /login, ?error and ?logout).
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        String rest = query.replaceAll("(^|&)" + PARAMETER + "=[^&]*", "").replaceFirst("^&", "");
        response.sendRedirect(request.getContextPath() + "/login" + (rest.isEmpty() ? "" : "?" + rest));
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        HttpSession session = request.getSession(false);
        Object next = session == null ? null : session.getAttribute(SESSION_KEY);
        if (session != null) {
            session.removeAttribute(SESSION_KEY);
        }
        String target = next instanceof String s && isLocal(s) ? s : home;
        response.sendRedirect(request.getContextPath() + target);
    }
}
