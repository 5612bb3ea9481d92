package io.hearken.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one filter chain of a deployable, from the {@link StaffEndpoints} of every module in it. Its
 * {@code securityMatcher} covers only the declared paths and the sign-in ones, so everything else stays public.
 * Pages: form sign-in (or OIDC) with CSRF tokens on every form; an anonymous page request goes to
 * {@code /login?next=...}. APIs: HTTP Basic (or the sign-in cookie, or a declared API key); 401/403 as problems.
 * An API request that carries its own {@code Authorization} or API key header, or no cookie at all, needs no
 * CSRF token (a foreign page cannot add those headers, and without cookies there is nothing to forge: such a
 * caller gets its 401); one that relies on a cookie does, as does every form.
 */
final class StaffSecurity {

    static final String[] SIGN_IN_PATHS = {"/login", "/login/**", "/logout", "/oauth2/**"};

    private StaffSecurity() {
    }

    /**
     * {@code identityProvider}: an OAuth2 client registration exists here. With {@code login=oidc} a service
     * without one (analytics behind the proxy) signs nobody in itself: people sign in at the desk, the cookie
     * brings them here.
     */
    static SecurityFilterChain chain(HttpSecurity http, List<StaffEndpoints> endpoints, StaffSignInPage page,
            StaffProperties properties, StaffCookie cookie, String tokenKey, boolean identityProvider) throws Exception {
        var unauthorized = Problems.unauthorized();
        RequestMatcher api = Problems::isApi;
        NextPage next = new NextPage(page == null ? "/" : page.home());
        http.securityMatcher(new OrRequestMatcher(matchers(endpoints)))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(SIGN_IN_PATHS).permitAll();
                    endpoints.forEach(e -> e.rules().stream().filter(r -> r.role() == null)
                            .forEach(r -> a.requestMatchers(matcher(r)).permitAll()));
                    endpoints.forEach(e -> e.rules().stream().filter(r -> r.role() != null)
                            .forEach(r -> a.requestMatchers(matcher(r)).access(access(e, r))));
                    a.anyRequest().authenticated();
                })
                .httpBasic(b -> b.realmName(Problems.REALM).authenticationEntryPoint(unauthorized))
                .rememberMe(r -> r.rememberMeServices(cookie).key(tokenKey))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .addFilterBefore(new SignInLimit(properties.signInLimit()), CsrfFilter.class)
                .addFilterBefore(next, CsrfFilter.class)
                .addFilterAfter(new ApiKeyFilter(endpoints, unauthorized), BasicAuthenticationFilter.class)
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.requireCsrfProtectionMatcher(r -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(r)
                        && !(Problems.isApi(r) && (ownCredentials(r) || r.getCookies() == null))))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(unauthorized, api)
                        .defaultAuthenticationEntryPointFor(NextPage.toSignIn(), r -> !Problems.isApi(r))
                        .defaultAccessDeniedHandlerFor(Problems.forbidden(), api));
        if (page == null) {
            // No page of its own here: no session either (behind the proxy it would overwrite the desk's).
            http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        }
        if (properties.login() == StaffProperties.Login.OIDC) {
            if (identityProvider) {
                OidcSignIn.apply(http, properties, page, next);
            }
        } else if (page != null) {
            http.formLogin(f -> f.loginPage("/login").successHandler(next).permitAll());
        } else {
            http.formLogin(f -> f.successHandler(next));
        }
        return http.build();
    }

    private static boolean ownCredentials(HttpServletRequest r) {
        return r.getHeader(HttpHeaders.AUTHORIZATION) != null || r.getHeader(StaffEndpoints.API_KEY_HEADER) != null;
    }

    private static List<RequestMatcher> matchers(List<StaffEndpoints> endpoints) {
        List<RequestMatcher> all = new ArrayList<>();
        for (String path : SIGN_IN_PATHS) {
            all.add(PathPatternRequestMatcher.withDefaults().matcher(path));
        }
        endpoints.forEach(e -> e.rules().forEach(r -> all.add(PathPatternRequestMatcher.withDefaults().matcher(r.pattern()))));
        return all;
    }

    private static RequestMatcher matcher(StaffEndpoints.Rule rule) {
        return PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
    }

    private static AuthorizationManager<RequestAuthorizationContext> access(StaffEndpoints e, StaffEndpoints.Rule r) {
        AuthorizationManager<RequestAuthorizationContext> role = AuthorityAuthorizationManager.hasAnyRole(r.role().andAbove());
        return e.apiKeys().isEmpty() ? role
                : AuthorizationManagers.anyOf(role, AuthorityAuthorizationManager.hasAuthority(ApiKeyFilter.authority(e.owner())));
    }
}
