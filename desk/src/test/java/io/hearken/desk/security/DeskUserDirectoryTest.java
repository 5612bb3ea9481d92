package io.hearken.desk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.desk.DeskProperties;
import io.hearken.desk.DeskProperties.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Users from configuration: demo accounts by default, bcrypt or noop passwords, clear errors for typos. */
class DeskUserDirectoryTest {

    @Test
    void withoutConfigurationTheDemoAccountsExist() {
        DeskUserDirectory directory = new DeskUserDirectory(new DeskProperties(null, null, null, null, null));
        DeskPrincipal supervisor = (DeskPrincipal) directory.loadUserByUsername("wang.fang");
        assertThat(supervisor.department()).isEqualTo("maintenance");
        assertThat(supervisor.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(((DeskPrincipal) directory.loadUserByUsername("liu.yang")).role()).isEqualTo(Role.MANAGER);
    }

    @Test
    void aBcryptPasswordIsAccepted() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("s3cret");
        DeskUserDirectory directory = new DeskUserDirectory(new DeskProperties(List.of(
                new DeskProperties.User("ops", hash, "Ops", "billing", Role.STAFF, "en")), null, null, null, null));
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("s3cret", directory.loadUserByUsername("ops").getPassword())).isTrue();
    }

    @Test
    void typosFailAtStartUpWithTheProperty() {
        assertThatThrownBy(() -> new DeskUserDirectory(new DeskProperties(List.of(
                new DeskProperties.User("ops", "plain", "Ops", "billing", Role.STAFF, "en")), null, null, null, null)))
                .hasMessageContaining("hearken.desk.users[0].password");
        assertThatThrownBy(() -> new DeskUserDirectory(new DeskProperties(List.of(
                new DeskProperties.User("a", "{noop}x", "A", "billing", Role.STAFF, "en"),
                new DeskProperties.User("a", "{noop}y", "A", "billing", Role.STAFF, "en")), null, null, null, null)))
                .hasMessageContaining("appears twice");
    }
}
