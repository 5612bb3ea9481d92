package io.hearken.desk.security;

import io.hearken.desk.DeskProperties;
import io.hearken.desk.DeskProperties.Role;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person from {@code hearken.desk.users}. */
final class DeskUser implements UserDetails, CredentialsContainer, DeskPrincipal {

    private final DeskProperties.User user;
    private String password;

    DeskUser(DeskProperties.User user) {
        this.user = user;
        this.password = user.password();
    }

    static List<GrantedAuthority> authorities(Role role) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(role());
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public String username() {
        return user.username();
    }

    @Override
    public String displayName() {
        return user.displayName();
    }

    @Override
    public String department() {
        return user.department();
    }

    @Override
    public Role role() {
        return user.role() == null ? Role.STAFF : user.role();
    }

    @Override
    public String language() {
        return user.language();
    }
}
