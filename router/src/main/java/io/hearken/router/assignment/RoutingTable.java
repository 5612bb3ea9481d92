package io.hearken.router.assignment;

import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Taxonomy;
import io.hearken.events.Urgency;
import io.hearken.router.yaml.YamlFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Category × building / area → department, with resident-type, urgency and out-of-hours conditions.
 * Rules are tried in file order; the first whose conditions all hold wins; then the taxonomy's
 * department; then {@code default-department}.
 */
public final class RoutingTable {

    /** The chosen department and the rule (or fallback) that chose it. */
    public record Route(String department, String reason) {
    }

    /** Everything the table can look at. */
    public record Request(String category, Urgency urgency, Place place, ResidentType residentType, boolean outOfHours) {
    }

    record Rule(Set<String> categories, Set<String> buildings, Set<String> areas, Set<String> residentTypes,
            Set<String> urgencies, Boolean outOfHours, String department, String name) {

        boolean matches(Request r) {
            return in(categories, r.category())
                    && in(buildings, r.place() == null ? null : r.place().building())
                    && in(areas, r.place() == null ? null : r.place().area())
                    && in(residentTypes, r.residentType() == null ? null : r.residentType().name())
                    && in(urgencies, r.urgency() == null ? null : r.urgency().name())
                    && (outOfHours == null || outOfHours == r.outOfHours());
        }

        private static boolean in(Set<String> allowed, String value) {
            return allowed.isEmpty() || value != null && allowed.contains(value.strip().toLowerCase(Locale.ROOT));
        }
    }

    private final List<Rule> rules;
    private final String defaultDepartment;

    RoutingTable(List<Rule> rules, String defaultDepartment) {
        this.rules = List.copyOf(rules);
        this.defaultDepartment = defaultDepartment;
    }

    public static RoutingTable defaults() {
        return of(YamlFile.shipped("/io/hearken/router/routing.yml", RoutingFile.class));
    }

    public static RoutingTable load(Path file) {
        return of(YamlFile.read(file, RoutingFile.class));
    }

    /** The table in {@code in}; {@code name} (the file) is what an error message names. */
    public static RoutingTable load(InputStream in, String name) {
        return of(YamlFile.read(in, name, RoutingFile.class));
    }

    private static RoutingTable of(RoutingFile file) {
        List<Rule> rules = new ArrayList<>();
        for (RoutingFile.Entry e : file.rules()) {
            rules.add(new Rule(set(e.category()), set(e.building()), set(e.area()), set(e.residentType()), set(e.urgency()),
                    e.outOfHours(), e.department(), e.name() != null ? e.name() : "rule " + (rules.size() + 1)));
        }
        return new RoutingTable(rules, file.defaultDepartment());
    }

    private static Set<String> set(List<?> values) {
        return values == null ? Set.of()
                : values.stream().map(v -> (v instanceof Enum<?> e ? e.name() : String.valueOf(v)).strip().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
    }

    public Route route(Request request) {
        for (Rule rule : rules) {
            if (rule.matches(request)) {
                return new Route(rule.department(), "routing table: " + rule.name());
            }
        }
        return Taxonomy.byCode(request.category())
                .map(c -> new Route(c.department(), "taxonomy: " + c.code() + " → " + c.department()))
                .orElse(new Route(defaultDepartment, "default department"));
    }

    /** Every department the table can name (for creating queue topics). */
    public Set<String> departments() {
        Set<String> all = rules.stream().map(Rule::department).collect(Collectors.toCollection(java.util.TreeSet::new));
        all.add(defaultDepartment);
        Taxonomy.DEFAULT.forEach(c -> all.add(c.department()));
        return all;
    }
}
