package io.hearken.app.docs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code hearken.*} keys the code really reads, compared as Spring's relaxed binding does (kebab-case,
 * camelCase and indices alike). Read from the main code and resources: each {@code @ConfigurationProperties}
 * prefix with its record's components (nested records followed; a map adds one free segment, a map or list of
 * plain values takes anything below), every {@code hearken.} key in a string literal ({@code @Value},
 * {@code getProperty}, metric names; a literal ending in a dot joined with the key literals of its file, as
 * {@code "hearken.embedded." + key}), and every key of a yml or properties file under src/main/resources.
 */
final class PropertyKeys {

    private static final Pattern BOUND = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)[\\s\\S]*?\\brecord\\s+(\\w+)\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern KEY_IN_TEXT = Pattern.compile("(?<![\\w.@/-])hearken\\.[A-Za-z0-9.\\-\\[\\]]+");
    private static final Pattern KEY_TAIL = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");
    private static final Pattern DEFAULT_VALUE = Pattern.compile("@DefaultValue\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern COLLECTION = Pattern.compile("(?:java\\.util\\.)?(List|Set|Collection|Map)<(.*)>");

    /** Keys as segment lists; "*" matches any one segment. */
    private final Set<List<String>> keys = new HashSet<>();
    /** The {@code @DefaultValue("…")} of a key, as written in the code. */
    private final Map<List<String>, String> defaults = new HashMap<>();
    /** Keys under which anything is accepted (a map or list of plain values). */
    private final Set<List<String>> open = new HashSet<>();
    private final TheHouse house;

    private PropertyKeys(TheHouse house) {
        this.house = house;
    }

    static PropertyKeys of(TheHouse house) throws IOException {
        PropertyKeys known = new PropertyKeys(house);
        for (Path file : house.mainSources()) {
            String code = house.code(file);
            Matcher bound = BOUND.matcher(code);
            while (bound.find()) {
                List<String> prefix = segments(bound.group(1));
                known.keys.add(prefix);
                known.record(prefix, bound.group(2), file, 0);
            }
            known.literals(code);
        }
        for (Path file : house.mainResources(".yml", ".yaml")) {
            try (Reader reader = Files.newBufferedReader(file)) {
                for (Object document : new Yaml(new LoaderOptions()).loadAll(reader)) {
                    known.flatten("", document);
                }
            }
        }
        for (Path file : house.mainResources(".properties")) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(known::addKey);
        }
        return known;
    }

    /** Is {@code key} (without value; may end in ".*" for "some key below") a key the code reads? */
    boolean knows(String key) {
        boolean below = key.endsWith(".*");
        List<String> wanted = segments(below ? key.substring(0, key.length() - 2) : key);
        for (List<String> prefix : open) {
            if (wanted.size() >= prefix.size() && matches(prefix, wanted.subList(0, prefix.size()))) {
                return true;
            }
        }
        for (List<String> known : keys) {
            if (below ? known.size() > wanted.size() && matches(known.subList(0, wanted.size()), wanted)
                    : matches(known, wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The key's {@code @DefaultValue}, if its record gives one there (defaults set in a constructor are not read). */
    Optional<String> defaultOf(String key) {
        return Optional.ofNullable(defaults.get(segments(key)));
    }

    static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        for (String segment : key.replaceAll("\\[[^\\]]*]", "").split("\\.")) {
            if (!segment.isEmpty()) {
                segments.add(segment.equals("*") ? "*" : segment.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT));
            }
        }
        return segments;
    }

    private static boolean matches(List<String> known, List<String> wanted) {
        if (known.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < known.size(); i++) {
            if (!known.get(i).equals("*") && !known.get(i).equals(wanted.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void addKey(String key) {
        if (key.startsWith("hearken.")) {
            keys.add(segments(key));
        }
    }

    private void literals(String code) {
        List<String> literals = new ArrayList<>();
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            literals.add(literal.group(1));
            Matcher key = KEY_IN_TEXT.matcher(literal.group(1));
            while (key.find()) {
                addKey(key.group().replaceAll("\\.+$", ""));
            }
        }
        for (String prefix : literals) {
            if (prefix.startsWith("hearken.") && prefix.endsWith(".")) {
                literals.stream().filter(tail -> KEY_TAIL.matcher(tail).matches()).forEach(tail -> addKey(prefix + tail));
            }
        }
    }

    private void flatten(String prefix, Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> flatten(prefix, item));
        } else if (!prefix.isEmpty()) {
            addKey(prefix);
        }
    }

    /** The components of record {@code name} (declared in {@code near} or another file) under {@code prefix}. */
    private void record(List<String> prefix, String name, Path near, int depth) {
        String components = RecordSource.components(house, name, near);
        if (components == null || depth > 5) {
            open.add(prefix);
            return;
        }
        for (String component : RecordSource.splitTopLevel(components)) {
            String declaration = RecordSource.withoutAnnotations(component).strip();
            if (declaration.isEmpty()) {
                continue;
            }
            int space = declaration.lastIndexOf(' ');
            List<String> key = new ArrayList<>(prefix);
            key.addAll(segments(declaration.substring(space + 1)));
            keys.add(key);
            Matcher given = DEFAULT_VALUE.matcher(component);
            if (given.find()) {
                defaults.put(key, given.group(1));
            }
            String type = declaration.substring(0, Math.max(space, 0)).strip();
            Matcher collection = COLLECTION.matcher(type);
            boolean many = false;
            while (collection.matches()) {
                many = true;
                List<String> arguments = RecordSource.splitTopLevel(collection.group(2));
                if (collection.group(1).equals("Map")) {
                    key = new ArrayList<>(key);
                    key.add("*");
                    keys.add(key);
                }
                type = arguments.get(arguments.size() - 1).strip();
                collection = COLLECTION.matcher(type);
            }
            if (type.matches("[A-Z]\\w*") && RecordSource.components(house, type, near) != null) {
                record(key, type, near, depth + 1);
            } else if (many) {
                open.add(key);
            }
        }
    }
}
