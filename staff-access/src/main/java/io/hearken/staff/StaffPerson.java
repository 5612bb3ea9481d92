package io.hearken.staff;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;

/**
 * The signed-in person as controllers see it: who, which departments, which role. Workers and supervisors see
 * their own departments' complaints, a manager everyone's ({@link #visibleDepartments()}).
 */
public record StaffPerson(String id, String name, List<String> departments, StaffRole role, Locale language) {

    public StaffPerson {
        departments = List.copyOf(departments);
        if (departments.isEmpty()) {
            throw new IllegalArgumentException("a staff member belongs to at least one department");
        }
    }

    /** Someone of one department. */
    public StaffPerson(String id, String name, String department, StaffRole role, Locale language) {
        this(id, name, List.of(department), role, language);
    }

    public static StaffPerson of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal p) {
            return new StaffPerson(p.username(), p.displayName() == null ? p.username() : p.displayName(),
                    p.departments(), p.role(), p.language() == null ? null : Locale.forLanguageTag(p.language()));
        }
        throw new IllegalStateException("not signed in as staff");
    }

    /** The home department (the first one listed). */
    public String department() {
        return departments.get(0);
    }

    public boolean isManager() {
        return role == StaffRole.MANAGER;
    }

    public boolean isSupervisor() {
        return role.atLeast(StaffRole.SUPERVISOR);
    }

    /** Whether this person may see a complaint of that department. */
    public boolean sees(String department) {
        return isManager() || department != null && departments.contains(department);
    }

    /** This person as the actor of an event they cause; events name the home department. */
    public io.hearken.events.Actor actor() {
        return new io.hearken.events.Actor(id, name, department(), io.hearken.events.Actor.Role.valueOf(role.name()));
    }

    /** The departments whose complaints this person may read; empty means all (a manager). */
    public Set<String> visibleDepartments() {
        return isManager() ? Set.of() : new TreeSet<>(departments);
    }
}
