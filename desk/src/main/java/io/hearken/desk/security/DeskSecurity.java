package io.hearken.desk.security;

import io.hearken.desk.DeskProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in guards the staff side only: the desk, its API, and the supervisors' dashboard and analytics API. The
 * chain's {@code securityMatcher} leaves the resident pages, the intake APIs, Open311, triage and health open
 * (in the all-in-one they share this server). Console: form sign-in (or OIDC) with CSRF tokens on every form.
 * API: HTTP Basic; a request that carries its own {@code Authorization} header needs no CSRF token (a foreign
 * page cannot add that header), a cookie-only one does.
 */
@Configuration(proxyBeanMethods = false)
class DeskSecurity {

    static final String[] PATHS = {"/desk/**", "/api/v1/desk/**", "/dashboard/**", "/api/v1/analytics/**",
            "/api/v1/notifier/**", "/login", "/logout", "/oauth2/**", "/login/oauth2/**"};

    @Bean
    UserDetailsService deskUsers(DeskProperties properties) {
        return new DeskUserDirectory(properties);
    }

    @Bean
    SecurityFilterChain deskFilterChain(HttpSecurity http, DeskProperties properties) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Hearken desk");
        basic.afterPropertiesSet();
        RequestMatcher api = DeskSecurity::isApi;
        RequestMatcher script = r -> "XMLHttpRequest".equals(r.getHeader("X-Requested-With"));
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/desk/assets/**", "/login", "/login/**", "/oauth2/**").permitAll()
                        .requestMatchers("/dashboard/**", "/api/v1/analytics/**").hasAnyRole("SUPERVISOR", "MANAGER")
                        // The notifier's dead-letter list and replay are an operator's tool.
                        .requestMatchers("/api/v1/notifier/**").hasRole("MANAGER")
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.requireCsrfProtectionMatcher(
                        r -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(r) && !(isApi(r) && r.getHeader("Authorization") != null)))
                // The console's poll gets a bare 401 (it reloads to the sign-in page); other API clients a Basic challenge.
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), script)
                        .defaultAuthenticationEntryPointFor(basic, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), r -> !isApi(r)));
        if (properties.login() == DeskProperties.Login.OIDC) {
            OidcSignIn.apply(http, properties);
        } else {
            http.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/desk").permitAll());
        }
        return http.build();
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }
}
