package io.hearken.events;

/** Who did something: a person at the desk, or a component ({@code role = SYSTEM}, e.g. the SLA clock). */
public record Actor(String id, String name, String department, Role role) {

    public enum Role { STAFF, SUPERVISOR, MANAGER, AGENT, RESIDENT, SYSTEM }

    public static Actor system(String component) {
        return new Actor(component, component, null, Role.SYSTEM);
    }
}
