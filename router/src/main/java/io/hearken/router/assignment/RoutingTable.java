package io.hearken.router.assignment;

import io.hearken.events.Place;
import io.hearken.events.ResidentType;
import io.hearken.events.Taxonomy;
import io.hearken.events.Topics;
import io.hearken.events.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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
        try (InputStream in = RoutingTable.class.getResourceAsStream("/io/hearken/router/routing.yml")) {
            return load(in, "classpath:io/hearken/router/routing.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RoutingTable load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read routing table " + file + ": " + e.getMessage(), e);
        }
    }

    public static RoutingTable load(InputStream in, String name) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": expected a mapping with 'rules'");
        }
        Object dd = map.get("default-department");
        String fallback = dd == null ? "customer-service" : String.valueOf(dd).strip();
        Topics.assignments(fallback); // fails early on a bad department code
        List<Rule> rules = new ArrayList<>();
        if (map.get("rules") instanceof List<?> list) {
            int n = 0;
            for (Object o : list) {
                n++;
                if (!(o instanceof Map<?, ?> r) || r.get("department") == null) {
                    throw new IllegalArgumentException(name + " rule " + n + ": needs a 'department'");
                }
                String department = String.valueOf(r.get("department")).strip();
                try {
                    Topics.assignments(department);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + " rule " + n + ": " + e.getMessage(), e);
                }
                rules.add(new Rule(set(r.get("category")), set(r.get("building")), set(r.get("area")),
                        set(r.get("resident-type")), set(r.get("urgency")),
                        r.get("out-of-hours") instanceof Boolean b ? b : null, department,
                        r.get("name") != null ? String.valueOf(r.get("name")) : "rule " + n));
            }
        }
        return new RoutingTable(rules, fallback);
    }

    private static Set<String> set(Object value) {
        if (value == null) {
            return Set.of();
        }
        List<?> values = value instanceof List<?> l ? l : List.of(value);
        return values.stream().map(v -> String.valueOf(v).strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
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
