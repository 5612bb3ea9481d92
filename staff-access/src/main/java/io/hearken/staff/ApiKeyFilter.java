package io.hearken.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A machine's {@value StaffEndpoints#API_KEY_HEADER} on a path whose owner accepts keys: a right key lets the
 * request through as that owner's key ({@code API_KEY:<owner>}, for this request only), a wrong one is a 401.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private record Owner(String name, RequestMatcher paths, List<byte[]> keys) {
    }

    private final List<Owner> owners;
    private final AuthenticationEntryPoint unauthorized;

    ApiKeyFilter(List<StaffEndpoints> endpoints, AuthenticationEntryPoint unauthorized) {
        this.owners = endpoints.stream().filter(e -> !e.apiKeys().isEmpty()).map(e -> new Owner(e.owner(),
                (RequestMatcher) r -> e.rules().stream().anyMatch(rule -> rule.role() != null
                        && PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern()).matches(r)),
                e.apiKeys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList())).toList();
        this.unauthorized = unauthorized;
    }

    static String authority(String owner) {
        return "API_KEY:" + owner;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(StaffEndpoints.API_KEY_HEADER);
        if (key != null) {
            for (Owner owner : owners) {
                if (owner.paths().matches(request)) {
                    byte[] given = key.getBytes(StandardCharsets.UTF_8);
                    if (owner.keys().stream().noneMatch(k -> MessageDigest.isEqual(k, given))) {
                        unauthorized.commence(request, response, null);
                        return;
                    }
                    SecurityContextHolder.getContext().setAuthentication(new KeyHolder(owner.name()));
                    break;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** The caller of one request that carried a right key. */
    static final class KeyHolder extends AbstractAuthenticationToken {

        private final String owner;

        KeyHolder(String owner) {
            super(List.of(new SimpleGrantedAuthority(authority(owner))));
            this.owner = owner;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "api-key:" + owner;
        }
    }
}
