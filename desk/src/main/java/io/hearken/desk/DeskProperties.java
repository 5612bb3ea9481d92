package io.hearken.desk;

import io.hearken.events.Departments;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hearken.desk.*}. Without configuration the desk has the documented demo accounts of the
 * all-in-one (docs/desk.md); set {@code hearken.desk.users} (or {@code hearken.desk.login=oidc}) in production.
 *
 * @param users     the people who may sign in, with their department and role
 * @param login     {@code form} (users from this configuration) or {@code oidc} (the identity provider configured
 *                  under {@code spring.security.oauth2.client.*})
 * @param oidc      claim names used when {@code login=oidc}
 * @param partitions partitions of the department topics the desk creates when they are missing
 * @param timeZone  how the console shows times (default: the server's zone)
 */
@ConfigurationProperties("hearken.desk")
public record DeskProperties(List<User> users, Login login, Oidc oidc, Integer partitions, ZoneId timeZone) {

    public enum Login { FORM, OIDC }

    public enum Role { STAFF, SUPERVISOR, MANAGER }

    /** {@code password}: {@code {noop}secret} or {@code {bcrypt}$2a$...}; {@code language}: e.g. {@code zh-CN}, {@code en}. */
    public record User(String username, String password, String displayName, String department, Role role,
            String language) {
    }

    /**
     * {@code registration}: the id under {@code spring.security.oauth2.client.registration.<id>}; which ID-token
     * claims carry the person's department, role and language.
     */
    public record Oidc(String registration, String departmentClaim, String roleClaim, String languageClaim) {

        public Oidc {
            registration = registration == null ? "desk" : registration;
            departmentClaim = departmentClaim == null ? "hearken_department" : departmentClaim;
            roleClaim = roleClaim == null ? "hearken_role" : roleClaim;
            languageClaim = languageClaim == null ? "locale" : languageClaim;
        }
    }

    public DeskProperties {
        login = login == null ? Login.FORM : login;
        // Demo accounts only for the all-in-one's form sign-in; with OIDC, users are optional API accounts.
        users = users != null && !users.isEmpty() ? List.copyOf(users) : login == Login.FORM ? demoAccounts() : List.of();
        oidc = oidc == null ? new Oidc(null, null, null, null) : oidc;
        partitions = partitions == null ? 3 : partitions;
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
    }

    /** The default departments and every department a user belongs to. */
    public Set<String> departments() {
        Set<String> codes = new TreeSet<>(Set.of(Departments.MAINTENANCE, Departments.CLEANING, Departments.SECURITY,
                Departments.BILLING, Departments.CUSTOMER_SERVICE, Departments.TRIAGE, Departments.MANAGEMENT));
        users.forEach(u -> {
            if (u.department() != null && !u.department().isBlank()) {
                codes.add(u.department().strip());
            }
        });
        return codes;
    }

    /** The all-in-one's demo accounts (docs/desk.md). Replace them before anyone else can reach the server. */
    static List<User> demoAccounts() {
        return List.of(
                new User("li.wei", "{noop}demo", "李伟", "maintenance", Role.STAFF, "zh-CN"),
                new User("wang.fang", "{noop}demo", "王芳", "maintenance", Role.SUPERVISOR, "zh-CN"),
                new User("chen.jing", "{noop}demo", "陈静", "cleaning", Role.STAFF, "zh-CN"),
                new User("zhao.lei", "{noop}demo", "赵磊", "security", Role.STAFF, "zh-CN"),
                new User("zhou.min", "{noop}demo", "周敏", "triage", Role.STAFF, "zh-CN"),
                new User("alex.morgan", "{noop}demo", "Alex Morgan", "customer-service", Role.STAFF, "en"),
                new User("liu.yang", "{noop}demo", "刘洋", "management", Role.MANAGER, "zh-CN"));
    }
}
