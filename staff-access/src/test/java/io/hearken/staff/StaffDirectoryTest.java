package io.hearken.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Accounts from configuration, the demo accounts only when asked for, and the signed sign-in cookie. */
class StaffDirectoryTest {

    static StaffProperties properties(List<StaffProperties.User> users, boolean demo) {
        return new StaffProperties(users, demo, null, null, null, null, null);
    }

    @Test
    void theDemoAccountsExistOnlyWhenAskedFor() {
        assertThat(new StaffDirectory(properties(null, false)).isEmpty()).isTrue();
        assertThatThrownBy(() -> new StaffDirectory(properties(null, false)).loadUserByUsername("liu.yang"))
                .isInstanceOf(UsernameNotFoundException.class);
        StaffDirectory demo = new StaffDirectory(properties(null, true));
        StaffPrincipal supervisor = (StaffPrincipal) demo.loadUserByUsername("wang.fang");
        assertThat(supervisor.departments()).containsExactly("maintenance");
        assertThat(supervisor.role()).isEqualTo(StaffRole.SUPERVISOR);
        assertThat(((StaffPrincipal) demo.loadUserByUsername("liu.yang")).role()).isEqualTo(StaffRole.MANAGER);
    }

    @Test
    void configuredAccountsWithSeveralDepartmentsAndEncodedPasswords() {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("s3cret");
        StaffDirectory directory = new StaffDirectory(properties(List.of(new StaffProperties.User("ops", hash, "Ops",
                List.of("billing", "customer-service"), StaffRole.SUPERVISOR, "en")), false));
        assertThat(directory.loadUserByUsername("ops").getPassword()).startsWith("{bcrypt}");
        assertThat(StaffPerson.of(new org.springframework.security.authentication.TestingAuthenticationToken(
                directory.loadUserByUsername("ops"), null)).visibleDepartments()).containsExactly("billing", "customer-service");
    }

    @Test
    void mistakesFailAtStartUpNamingTheSetting() {
        assertThatThrownBy(() -> new StaffDirectory(properties(List.of(
                new StaffProperties.User("ops", "plain", "Ops", List.of("billing"), null, "en")), false)))
                .hasMessageContaining("hearken.staff.users[0].password");
        assertThatThrownBy(() -> new StaffDirectory(properties(List.of(
                new StaffProperties.User("ops", "{noop}x", "Ops", List.of(), null, "en")), false)))
                .hasMessageContaining("hearken.staff.users[0].departments");
        assertThatThrownBy(() -> new StaffDirectory(properties(List.of(
                new StaffProperties.User("a", "{noop}x", "A", List.of("billing"), null, "en"),
                new StaffProperties.User("a", "{noop}y", "A", List.of("billing"), null, "en")), false)))
                .hasMessageContaining("appears twice");
    }

    @Test
    void theCookieIsSignedExpiresAndNamesOnlyExistingAccounts() {
        StaffDirectory directory = new StaffDirectory(properties(null, true));
        Clock now = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
        StaffCookie cookie = new StaffCookie("a-long-enough-shared-secret".getBytes(), "k", Duration.ofHours(12),
                directory, false, now);
        String value = cookie.write((StaffPrincipal) directory.loadUserByUsername("wang.fang"));
        assertThat(cookie.read(value)).hasValueSatisfying(p -> assertThat(p.username()).isEqualTo("wang.fang"));
        // Another deployable with the same secret reads it; one with another secret does not.
        assertThat(new StaffCookie("a-long-enough-shared-secret".getBytes(), "other", Duration.ofHours(1), directory,
                false, now).read(value)).isPresent();
        assertThat(new StaffCookie("another-secret-entirely".getBytes(), "k", Duration.ofHours(1), directory,
                false, now).read(value)).isEmpty();
        // Tampered (a manager's name put in) or expired: nobody.
        String[] parts = value.split("\\.");
        parts[0] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("liu.yang".getBytes());
        assertThat(cookie.read(String.join(".", parts))).isEmpty();
        assertThat(new StaffCookie("a-long-enough-shared-secret".getBytes(), "k", Duration.ofHours(12), directory,
                false, Clock.offset(now, Duration.ofHours(13))).read(value)).isEmpty();
        // Form sign-in: an account removed from this deployable's configuration no longer signs in by cookie.
        assertThat(new StaffCookie("a-long-enough-shared-secret".getBytes(), "k", Duration.ofHours(12),
                new StaffDirectory(properties(null, false)), false, now).read(value)).isEmpty();
    }
}
