package io.hearken.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** {@code hearken.staff.login=oidc}: departments, role and language come from the ID token's claims. */
class OidcSignInTest {

    final StaffProperties.Oidc claims = new StaffProperties.Oidc(null, null, null, null);

    @Test
    void departmentsRoleAndLanguageComeFromTheIdTokenClaims() {
        OidcUser person = OidcSignIn.person(user(Map.of("sub", "u-17", "name", "王芳",
                "hearken_department", "maintenance", "hearken_role", "supervisor", "locale", "zh-CN")), null, claims);
        StaffPerson staff = StaffPerson.of(new TestingAuthenticationToken(person, null, person.getAuthorities()));
        assertThat(staff).isEqualTo(new StaffPerson("u-17", "王芳", List.of("maintenance"), StaffRole.SUPERVISOR,
                java.util.Locale.forLanguageTag("zh-CN")));
        assertThat(person.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SUPERVISOR");
        // Several departments: a list claim or a comma-separated one.
        OidcUser two = OidcSignIn.person(user(Map.of("sub", "u-19", "hearken_department", List.of("billing", "cleaning"),
                "hearken_role", "STAFF")), null, claims);
        assertThat(((StaffPrincipal) two).departments()).containsExactly("billing", "cleaning");

        assertThatThrownBy(() -> OidcSignIn.person(user(Map.of("sub", "u-18")), null, claims))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> OidcSignIn.person(user(Map.of("sub", "u-18", "hearken_department", "billing",
                "hearken_role", "root")), null, claims)).isInstanceOf(OAuth2AuthenticationException.class);
    }

    private static OidcUser user(Map<String, Object> claims) {
        OidcIdToken token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), claims);
        return new DefaultOidcUser(List.of(), token);
    }
}
