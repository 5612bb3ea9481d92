package io.hearken.desk;

import io.hearken.events.Departments;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hearken.desk.*}. Who may sign in is staff-access's {@code hearken.staff.*} (docs/desk.md, "Sign-in").
 *
 * @param partitions partitions of the department topics the desk creates when they are missing
 * @param timeZone   how the console shows times (default: the server's zone)
 * @param recentComplaints how many complaints the board keeps whole in memory, the most recently touched (default
 *                   1,000); of the others only a row of numbers, their events and summary are in its local store
 *                   (docs/desk.md)
 */
@ConfigurationProperties("hearken.desk")
public record DeskProperties(Integer partitions, ZoneId timeZone, Integer recentComplaints) {

    public DeskProperties {
        partitions = partitions == null ? 3 : partitions;
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
        recentComplaints = recentComplaints == null ? 1_000 : recentComplaints;
    }

    /** The default departments (the board adds every department it has seen a complaint of). */
    public Set<String> departments() {
        return new TreeSet<>(Set.of(Departments.MAINTENANCE, Departments.CLEANING, Departments.SECURITY,
                Departments.BILLING, Departments.CUSTOMER_SERVICE, Departments.TRIAGE, Departments.MANAGEMENT));
    }
}
