package io.hearken.app.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP endpoints the main code maps: a controller's {@code @RequestMapping} prefix with each method's
 * {@code @GetMapping}, {@code @PostMapping}, … or method-level {@code @RequestMapping(path, method)}. A path the
 * code or a main resource only names (Spring Security's {@code /login}, springdoc's {@code /v3/api-docs}) counts as
 * served for every method. Files under a module's {@code static/} are served at their path.
 */
final class Endpoints {

    private static final Pattern CLASS_PREFIX = Pattern.compile(
            "@RequestMapping\\(\\s*(?:(?:value|path)\\s*=\\s*)?\"([^\"]*)\"[^)]*\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
                    + "(?:public\\s+|final\\s+|abstract\\s+)*class\\b");
    private static final Pattern METHOD = Pattern.compile("@(Get|Post|Put|Delete|Patch|Request)Mapping(?:\\(([^)]*)\\))?");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern HTTP_METHOD = Pattern.compile("RequestMethod\\.(\\w+)");

    private record Mapping(String method, List<String> segments) {
    }

    private final List<Mapping> mappings = new ArrayList<>();
    private final StringBuilder named = new StringBuilder();

    Endpoints(TheHouse house) {
        for (Path file : house.mainSources()) {
            String code = house.code(file);
            named.append(code).append('\n');
            Matcher prefix = CLASS_PREFIX.matcher(code);
            boolean prefixed = prefix.find();
            String base = prefixed ? prefix.group(1) : "";
            int classStart = prefixed ? prefix.end() : 0;
            Matcher method = METHOD.matcher(code);
            while (method.find()) {
                if (method.group(1).equals("Request") && method.start() < classStart) {
                    continue; // the class's own prefix
                }
                String arguments = method.group(2) == null ? "" : method.group(2).split("produces|consumes|params|headers")[0];
                List<String> paths = STRING.matcher(arguments).results().map(r -> r.group(1)).toList();
                List<String> verbs = method.group(1).equals("Request")
                        ? HTTP_METHOD.matcher(arguments).results().map(r -> r.group(1)).toList()
                        : List.of(method.group(1).toUpperCase(Locale.ROOT));
                for (String path : paths.isEmpty() ? List.of("") : paths) {
                    for (String verb : verbs.isEmpty() ? List.of("*") : verbs) {
                        mappings.add(new Mapping(verb, segments(base + path)));
                    }
                }
            }
        }
        for (Path file : house.mainResources("")) {
            String resource = file.toString().replace('\\', '/');
            int at = resource.indexOf("/src/main/resources/static/");
            if (at >= 0) {
                mappings.add(new Mapping("GET", segments(resource.substring(at + "/src/main/resources/static".length()))));
            }
        }
        for (Path file : house.mainResources(".properties", ".yml")) {
            try {
                named.append(Files.readString(file)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Does the code serve {@code method path} ({@code {x}} in the doc's path matches any one segment)? */
    boolean serves(String method, String path) {
        List<String> wanted = segments(path);
        for (Mapping mapping : mappings) {
            if ((mapping.method().equals("*") || mapping.method().equals(method)) && matches(mapping.segments(), wanted)) {
                return true;
            }
        }
        return Pattern.compile("[\"=\\s]" + Pattern.quote(path) + "[\"\\s]").matcher(named).find();
    }

    /**
     * Is {@code path} (a bare one: {@code /desk}, {@code /api/v1/privacy/…}) served, or the start of served paths?
     * Only paths under a first segment the code maps are asked about; {@code /data/attachments} is no URL.
     */
    boolean servesUnder(String path) {
        List<String> wanted = segments(path.split("…|\\.\\.\\.|\\*", 2)[0]);
        if (wanted.isEmpty() || mappings.stream().noneMatch(m -> !m.segments().isEmpty() && m.segments().get(0).equals(wanted.get(0)))) {
            return true;
        }
        for (Mapping mapping : mappings) {
            if (mapping.segments().size() >= wanted.size() && matches(mapping.segments().subList(0, wanted.size()), wanted)) {
                return true;
            }
        }
        return Pattern.compile("[\"=\\s]" + Pattern.quote(path) + "[\"\\s]").matcher(named).find();
    }

    private static boolean matches(List<String> mapped, List<String> wanted) {
        if (mapped.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < mapped.size(); i++) {
            String a = mapped.get(i);
            String b = wanted.get(i);
            if (!a.equals(b) && !(a.startsWith("{") && a.endsWith("}")) && !(b.startsWith("{") && b.endsWith("}"))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
