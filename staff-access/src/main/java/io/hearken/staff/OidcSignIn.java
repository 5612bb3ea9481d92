package io.hearken.staff;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * {@code hearken.staff.login=oidc}: sign-in through the organisation's identity provider (registration under
 * {@code spring.security.oauth2.client.*}). Departments and role come from ID-token claims. Loaded only in
 * that mode, so the identity provider is needed only then.
 */
final class OidcSignIn {

    private OidcSignIn() {
    }

    /** {@code page} null: Spring Security's own page (or straight to the one identity provider). */
    static void apply(HttpSecurity http, StaffProperties properties, StaffSignInPage page,
            AuthenticationSuccessHandler success) throws Exception {
        StaffProperties.Oidc claims = properties.oidc();
        OidcUserService delegate = new OidcUserService();
        http.oauth2Login(o -> {
            if (page != null) {
                o.loginPage("/login");
            }
            o.successHandler(success).userInfoEndpoint(u -> u.oidcUserService(
                    request -> person(delegate.loadUser(request), request, claims)));
        });
    }

    static OidcUser person(OidcUser user, OidcUserRequest request, StaffProperties.Oidc claims) {
        List<String> departments = departments(user.getClaims().get(claims.departmentClaim()));
        String role = user.getClaimAsString(claims.roleClaim());
        if (departments.isEmpty() || role == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "the identity provider sent no " + claims.departmentClaim() + "/" + claims.roleClaim() + " claim", null));
        }
        StaffRole staffRole;
        try {
            staffRole = StaffRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "unknown staff role " + role + " (STAFF, SUPERVISOR or MANAGER)", null));
        }
        return new Person(user, departments, staffRole, user.getClaimAsString(claims.languageClaim()));
    }

    private static List<String> departments(Object claim) {
        Collection<?> values = claim instanceof Collection<?> c ? c
                : claim == null ? List.of() : Arrays.asList(claim.toString().split(","));
        return values.stream().map(v -> String.valueOf(v).strip()).filter(v -> !v.isEmpty()).toList();
    }

    /** An OIDC user that is also a staff member. */
    static final class Person extends DefaultOidcUser implements StaffPrincipal {

        private final List<String> departments;
        private final StaffRole role;
        private final String language;

        Person(OidcUser user, List<String> departments, StaffRole role, String language) {
            super(role.authorities(), user.getIdToken(), user.getUserInfo());
            this.departments = List.copyOf(departments);
            this.role = role;
            this.language = language;
        }

        @Override
        public String username() {
            return getSubject();
        }

        @Override
        public String displayName() {
            return getFullName() != null ? getFullName() : getPreferredUsername() != null ? getPreferredUsername() : getSubject();
        }

        @Override
        public List<String> departments() {
            return departments;
        }

        @Override
        public StaffRole role() {
            return role;
        }

        @Override
        public String language() {
            return language;
        }
    }
}
