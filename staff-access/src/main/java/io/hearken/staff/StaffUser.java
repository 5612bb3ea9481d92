package io.hearken.staff;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person from {@code hearken.staff.users} (or a demo account). */
final class StaffUser implements UserDetails, CredentialsContainer, StaffPrincipal {

    private final StaffProperties.User user;
    private String password;

    StaffUser(StaffProperties.User user) {
        this.user = user;
        this.password = user.password();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.role().authorities();
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
        return user.name();
    }

    @Override
    public List<String> departments() {
        return user.departments();
    }

    @Override
    public StaffRole role() {
        return user.role();
    }

    @Override
    public String language() {
        return user.language();
    }
}
