package io.hearken.staff;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a staff member may do: each role includes the ones before it. */
public enum StaffRole {
    STAFF, SUPERVISOR, MANAGER;

    public boolean atLeast(StaffRole other) {
        return compareTo(other) >= 0;
    }

    /** The Spring Security roles granted: this one only (the rules list every role that suffices). */
    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + name()));
    }

    /** The role names that satisfy a rule asking for this role. */
    String[] andAbove() {
        return java.util.Arrays.stream(values()).filter(r -> r.atLeast(this)).map(Enum::name).toArray(String[]::new);
    }
}
