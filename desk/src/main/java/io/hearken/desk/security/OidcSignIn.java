package io.hearken.desk.security;

import io.hearken.desk.DeskProperties;
import io.hearken.desk.DeskProperties.Role;
import java.util.Locale;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * {@code hearken.desk.login=oidc}: sign-in through the organisation's identity provider (registration under
 * {@code spring.security.oauth2.client.*}). The department and role come from ID-token claims. Loaded only in
 * that mode, so the OAuth2 client library stays optional.
 */
final class OidcSignIn {

    private OidcSignIn() {
    }

    static void apply(HttpSecurity http, DeskProperties properties) throws Exception {
        DeskProperties.Oidc claims = properties.oidc();
        OidcUserService delegate = new OidcUserService();
        http.oauth2Login(o -> o.loginPage("/login").defaultSuccessUrl("/desk")
                .userInfoEndpoint(u -> u.oidcUserService(request -> person(delegate.loadUser(request), request, claims))));
    }

    static OidcUser person(OidcUser user, OidcUserRequest request, DeskProperties.Oidc claims) {
        String department = user.getClaimAsString(claims.departmentClaim());
        String role = user.getClaimAsString(claims.roleClaim());
        if (department == null || role == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "the identity provider sent no " + claims.departmentClaim() + "/" + claims.roleClaim() + " claim", null));
        }
        Role deskRole;
        try {
            deskRole = Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "unknown desk role " + role + " (STAFF, SUPERVISOR or MANAGER)", null));
        }
        return new Person(user, department.strip(), deskRole, user.getClaimAsString(claims.languageClaim()));
    }

    /** An OIDC user that is also a desk person. */
    static final class Person extends DefaultOidcUser implements DeskPrincipal {

        private final String department;
        private final Role role;
        private final String language;

        Person(OidcUser user, String department, Role role, String language) {
            super(DeskUser.authorities(role), user.getIdToken(), user.getUserInfo());
            this.department = department;
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
        public String department() {
            return department;
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public String language() {
            return language;
        }
    }
}
