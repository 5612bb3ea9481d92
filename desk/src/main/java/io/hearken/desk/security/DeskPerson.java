package io.hearken.desk.security;

import io.hearken.desk.DeskProperties.Role;
import io.hearken.events.Actor;
import java.util.Locale;
import org.springframework.security.core.Authentication;

/** The signed-in person: who acts, what they may see. */
public record DeskPerson(String id, String name, String department, Role role, Locale language) {

    public static DeskPerson of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof DeskPrincipal p) {
            return new DeskPerson(p.username(), p.displayName() == null ? p.username() : p.displayName(),
                    p.department(), p.role(), p.language() == null ? null : Locale.forLanguageTag(p.language()));
        }
        throw new IllegalStateException("not signed in at the desk");
    }

    public boolean isManager() {
        return role == Role.MANAGER;
    }

    public boolean isSupervisor() {
        return role == Role.SUPERVISOR || role == Role.MANAGER;
    }

    /** Staff and supervisors work on their own department's complaints; a manager on all. */
    public boolean mayWorkOn(String complaintDepartment) {
        return isManager() || department != null && department.equals(complaintDepartment);
    }

    public Actor actor() {
        return new Actor(id, name, department, Actor.Role.valueOf(role.name()));
    }
}
