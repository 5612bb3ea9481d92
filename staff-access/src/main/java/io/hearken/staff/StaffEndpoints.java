package io.hearken.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * The staff endpoints one deployable serves, declared in its own code as a bean; staff-access builds the one
 * filter chain from every such bean in the context (in the all-in-one: all modules' together). Paths nobody
 * declares stay public (resident pages, intake APIs, Open311, health).
 *
 * <pre>{@code
 * @Bean StaffEndpoints analyticsStaffEndpoints() {
 *     return StaffEndpoints.of("analytics").require(StaffRole.SUPERVISOR, "/dashboard/**", "/api/v1/analytics/**");
 * }
 * }</pre>
 *
 * @param owner   the module, for logs and for its API keys
 * @param rules   path patterns and the least role each needs (null: open, but inside the chain, e.g. assets)
 * @param apiKeys keys a machine may send in {@value #API_KEY_HEADER} instead of signing in, for this owner's rules only
 */
public record StaffEndpoints(String owner, List<Rule> rules, List<String> apiKeys) {

    public static final String API_KEY_HEADER = "X-Api-Key";

    /** {@code method} null: every method; {@code role} null: no sign-in needed. */
    public record Rule(HttpMethod method, String pattern, StaffRole role) {
    }

    public StaffEndpoints {
        rules = List.copyOf(rules);
        apiKeys = apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
    }

    public static StaffEndpoints of(String owner) {
        return new StaffEndpoints(owner, List.of(), List.of());
    }

    /** Everything under these patterns needs at least {@code role}. */
    public StaffEndpoints require(StaffRole role, String... patterns) {
        return require(role, null, patterns);
    }

    public StaffEndpoints require(StaffRole role, HttpMethod method, String... patterns) {
        List<Rule> more = new ArrayList<>(rules);
        for (String pattern : patterns) {
            more.add(new Rule(method, pattern, role));
        }
        return new StaffEndpoints(owner, more, apiKeys);
    }

    /** Within a staff area but open, such as a console's style sheets. */
    public StaffEndpoints open(String... patterns) {
        return require(null, null, patterns);
    }

    /** A machine may use one of these keys instead of signing in, on this owner's rules. */
    public StaffEndpoints orApiKeys(Collection<String> keys) {
        return new StaffEndpoints(owner, rules, List.copyOf(keys));
    }
}
