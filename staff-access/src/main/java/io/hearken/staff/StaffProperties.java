package io.hearken.staff;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hearken.staff.*}: who may sign in to the staff side of every deployable (docs/desk.md, "Sign-in").
 *
 * @param users          the people who may sign in, with their departments and role
 * @param demoAccounts   add the documented demo accounts (password {@code demo}); the all-in-one and tests only
 * @param login          {@code form} (users from this configuration) or {@code oidc} (the identity provider
 *                       configured under {@code spring.security.oauth2.client.*})
 * @param oidc           claim names used when {@code login=oidc}
 * @param tokenSecret    key of the signed sign-in cookie every deployable accepts; the same value everywhere.
 *                       Unset: a random key per process (sign-in then holds in this process only)
 * @param tokenValidity  how long one sign-in lasts
 * @param signInLimit    failed sign-ins per client address before further attempts are answered 429
 */
@ConfigurationProperties("hearken.staff")
public record StaffProperties(List<User> users, boolean demoAccounts, Login login, Oidc oidc, String tokenSecret,
        Duration tokenValidity, SignInLimit signInLimit) {

    public enum Login { FORM, OIDC }

    /**
     * {@code password}: {@code {noop}secret} or {@code {bcrypt}$2a$...}; {@code departments}: one or more codes
     * (a comma-separated string binds too); {@code language}: e.g. {@code zh-CN}, {@code en}.
     */
    public record User(String username, String password, String name, List<String> departments, StaffRole role,
            String language) {

        public User {
            departments = departments == null ? List.of()
                    : departments.stream().filter(d -> d != null && !d.isBlank()).map(String::strip).toList();
            role = role == null ? StaffRole.STAFF : role;
        }
    }

    /**
     * {@code registration}: the id under {@code spring.security.oauth2.client.registration.<id>}; which ID-token
     * claims carry the person's department(s) (a list or a comma-separated string), role and language.
     */
    public record Oidc(String registration, String departmentClaim, String roleClaim, String languageClaim) {

        public Oidc {
            registration = registration == null ? "desk" : registration;
            departmentClaim = departmentClaim == null ? "hearken_department" : departmentClaim;
            roleClaim = roleClaim == null ? "hearken_role" : roleClaim;
            languageClaim = languageClaim == null ? "locale" : languageClaim;
        }
    }

    /** {@code failures} failed sign-ins per client address within {@code period} (default 10 in 5 minutes). */
    public record SignInLimit(int failures, Duration period) {

        public SignInLimit {
            failures = failures <= 0 ? 10 : failures;
            period = period == null ? Duration.ofMinutes(5) : period;
        }
    }

    public StaffProperties {
        users = users == null ? List.of() : List.copyOf(users);
        login = login == null ? Login.FORM : login;
        oidc = oidc == null ? new Oidc(null, null, null, null) : oidc;
        tokenSecret = tokenSecret == null || tokenSecret.isBlank() ? null : tokenSecret;
        tokenValidity = tokenValidity == null ? Duration.ofHours(12) : tokenValidity;
        signInLimit = signInLimit == null ? new SignInLimit(0, null) : signInLimit;
    }

    /** The all-in-one's demo accounts (docs/desk.md), only with {@code hearken.staff.demo-accounts=true}. */
    public static List<User> demo() {
        return List.of(
                new User("li.wei", "{noop}demo", "李伟", List.of("maintenance"), StaffRole.STAFF, "zh-CN"),
                new User("wang.fang", "{noop}demo", "王芳", List.of("maintenance"), StaffRole.SUPERVISOR, "zh-CN"),
                new User("chen.jing", "{noop}demo", "陈静", List.of("cleaning"), StaffRole.STAFF, "zh-CN"),
                new User("zhao.lei", "{noop}demo", "赵磊", List.of("security"), StaffRole.STAFF, "zh-CN"),
                new User("zhou.min", "{noop}demo", "周敏", List.of("triage"), StaffRole.STAFF, "zh-CN"),
                new User("alex.morgan", "{noop}demo", "Alex Morgan", List.of("customer-service"), StaffRole.STAFF, "en"),
                new User("liu.yang", "{noop}demo", "刘洋", List.of("management"), StaffRole.MANAGER, "zh-CN"));
    }
}
