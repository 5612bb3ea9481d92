package io.hearken.staff;

import io.hearken.events.limits.AddressLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Against password guessing: failed sign-ins per client address (the form's {@code POST /login} and HTTP Basic
 * on the APIs) are counted; once {@code hearken.staff.sign-in-limit.failures} are used up within its
 * {@code period}, every further attempt from that address is answered 429 with {@code Retry-After} without
 * being checked. Successful sign-ins and requests without credentials cost nothing.
 */
final class SignInLimit extends OncePerRequestFilter {

    private final AddressLimit failures;

    SignInLimit(StaffProperties.SignInLimit limit) {
        this.failures = new AddressLimit(limit.failures(), limit.period());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!attempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        long wait = failures.blockedFor(address);
        if (wait > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
            if (Problems.isApi(request)) {
                Problems.write(response, 429, "Too Many Requests", "登录失败次数过多，请稍后再试 / too many failed sign-ins"
                        + " from this address, try again later");
            } else {
                response.setStatus(429);
                response.setContentType("text/html;charset=UTF-8");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>429</title></head>"
                        + "<body><h1>登录失败次数过多 / Too many failed sign-ins</h1><p>请 " + wait + " 秒后再试。"
                        + " Please try again in " + wait + " seconds.</p></body></html>");
            }
            return;
        }
        chain.doFilter(request, response);
        if (failed(response)) {
            failures.take(address);
        }
    }

    private static boolean attempt(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return ("POST".equals(request.getMethod()) && "/login".equals(Problems.path(request)))
                || (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6));
    }

    private static boolean failed(HttpServletResponse response) {
        String location = response.getHeader(HttpHeaders.LOCATION);
        return response.getStatus() == 401 || (location != null && location.contains("/login?error"));
    }
}
