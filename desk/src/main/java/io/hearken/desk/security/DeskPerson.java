package io.hearken.desk.security;

import io.hearken.events.Actor;
import io.hearken.staff.StaffPerson;
import io.hearken.staff.StaffRole;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;

/** The signed-in person at the desk: who acts (as an event's actor), whose queues they work. */
public record DeskPerson(String id, String name, List<String> departments, StaffRole role, Locale language) {

    public DeskPerson {
        departments = List.copyOf(departments);
    }

    /** Someone of one department. */
    public DeskPerson(String id, String name, String department, StaffRole role, Locale language) {
        this(id, name, List.of(department), role, language);
    }

    public static DeskPerson of(Authentication authentication) {
        StaffPerson p = StaffPerson.of(authentication);
        return new DeskPerson(p.id(), p.name(), p.departments(), p.role(), p.language());
    }

    /** The home department, the one events name. */
    public String department() {
        return departments.get(0);
    }

    public boolean isManager() {
        return role == StaffRole.MANAGER;
    }

    public boolean isSupervisor() {
        return role.atLeast(StaffRole.SUPERVISOR);
    }

    /** Staff and supervisors work on their own departments' complaints; a manager on all. */
    public boolean mayWorkOn(String complaintDepartment) {
        return isManager() || complaintDepartment != null && departments.contains(complaintDepartment);
    }

    public Actor actor() {
        return new Actor(id, name, department(), Actor.Role.valueOf(role.name()));
    }
}
