package io.hearken.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routing of docker/caddy/Caddyfile as Caddy applies it: {@code handle} blocks with named {@code path}
 * matchers, tried in the order they are written, the first match wins, a {@code handle} without matcher last.
 * A path pattern ending in {@code *} is a prefix; any other is exact (Caddy compares paths case-insensitively).
 * Upstreams are read as compose runs them: an environment placeholder stands for its default.
 */
record CaddyRoutes(List<Route> routes) {

    /** One handle block: its path patterns (empty: every path) and where it sends the request. */
    record Route(String matcher, List<String> patterns, String target) {

        boolean matches(String path) {
            if (patterns.isEmpty()) {
                return true;
            }
            String p = path.toLowerCase(Locale.ROOT);
            return patterns.stream().map(s -> s.toLowerCase(Locale.ROOT))
                    .anyMatch(s -> s.endsWith("*") ? p.startsWith(s.substring(0, s.length() - 1)) : p.equals(s));
        }
    }

    static final String REFUSED = "respond 404";
    private static final Pattern MATCHER = Pattern.compile("^\\s*@(\\S+)\\s+path\\s+(.+)$");
    private static final Pattern HANDLE = Pattern.compile("^\\s*handle(\\s+@(\\S+))?\\s*\\{\\s*$");
    private static final Pattern UPSTREAM = Pattern.compile("^\\s*dynamic\\s+a\\s+(\\S+)\\s+(\\S+)");
    /** An environment placeholder with a default, {@code {$NAME:default}}: Caddy's value when NAME is not set. */
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\{\\$[A-Za-z0-9_]+:(.+)}$");

    static CaddyRoutes read(Path caddyfile) throws IOException {
        Map<String, List<String>> matchers = new LinkedHashMap<>();
        List<Route> routes = new ArrayList<>();
        String handle = null;
        boolean inHandle = false;
        for (String line : Files.readAllLines(caddyfile)) {
            String code = line.replaceAll("#.*$", "");
            Matcher m = MATCHER.matcher(code);
            Matcher h = HANDLE.matcher(code);
            Matcher u = UPSTREAM.matcher(code);
            if (m.matches()) {
                matchers.put(m.group(1), List.of(m.group(2).trim().split("\\s+")));
            } else if (h.matches()) {
                handle = h.group(2) == null ? "" : h.group(2);
                inHandle = true;
            } else if (inHandle && u.find()) {
                routes.add(route(handle, matchers, asDeployed(u.group(1)) + ":" + asDeployed(u.group(2))));
                inHandle = false;
            } else if (inHandle && code.trim().equals(REFUSED)) {
                routes.add(route(handle, matchers, REFUSED));
                inHandle = false;
            }
        }
        return new CaddyRoutes(List.copyOf(routes));
    }

    /** A token as compose runs the file (no HEARKEN_UPSTREAM_* set): a placeholder's default, else the token. */
    private static String asDeployed(String token) {
        Matcher p = PLACEHOLDER.matcher(token);
        return p.matches() ? p.group(1) : token;
    }

    private static Route route(String handle, Map<String, List<String>> matchers, String target) {
        if (!handle.isEmpty() && !matchers.containsKey(handle)) {
            throw new IllegalStateException("handle @" + handle + " has no path matcher");
        }
        return new Route(handle, handle.isEmpty() ? List.of() : matchers.get(handle), target);
    }

    /** Where Caddy sends a request for this path: {@code host:port}, {@link #REFUSED}, or null. */
    String targetOf(String path) {
        return routes.stream().filter(r -> r.matches(path)).map(Route::target).findFirst().orElse(null);
    }

    /** The service name of {@link #targetOf}, without the port. */
    String serviceOf(String path) {
        String target = targetOf(path);
        return target == null || target.equals(REFUSED) ? target : target.substring(0, target.indexOf(':'));
    }
}
