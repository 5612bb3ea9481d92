package io.hearken.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every path a module serves, read from its sources: request mappings (class-level prefix + method path, path
 * variables filled in) and files under {@code src/main/resources/static}. Samples, to ask the proxy about.
 */
final class ServedPaths {

    /** A path served by a module (the Maven module's directory name). */
    record Served(String module, String path, String source) {
    }

    private static final Pattern MAPPING =
            Pattern.compile("@(Get|Post|Put|Delete|Patch|Request)Mapping\\s*(\\(([^)]*)\\))?");
    private static final Pattern LITERAL = Pattern.compile("\"(/[^\"]*)\"");
    private static final Pattern TYPE = Pattern.compile("^\\s*(public\\s+|abstract\\s+|final\\s+)*(class|record)\\s+\\w+",
            Pattern.MULTILINE);

    private ServedPaths() {
    }

    static List<Served> of(Path root) throws IOException {
        List<Served> served = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main"))).toList()) {
                String name = module.getFileName().toString();
                mappings(name, module.resolve("src/main/java"), served);
                statics(name, module.resolve("src/main/resources/static"), served);
            }
        }
        return served;
    }

    private static void mappings(String module, Path sources, List<Served> served) throws IOException {
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String java = Files.readString(file);
                Matcher type = TYPE.matcher(java);
                int typeAt = type.find() ? type.start() : Integer.MAX_VALUE;
                List<String> prefixes = List.of("");
                List<String> methods = new ArrayList<>();
                Matcher m = MAPPING.matcher(java);
                while (m.find()) {
                    if (m.start() < typeAt) {
                        prefixes = paths(m.group(3));
                    } else {
                        methods.add(m.group(3));
                    }
                }
                for (String method : methods) {
                    for (String prefix : prefixes) {
                        for (String path : paths(method)) {
                            String full = (prefix + path).replaceAll("\\{[^}]*}", "x");
                            served.add(new Served(module, full.isEmpty() ? "/" : full, file.getFileName().toString()));
                        }
                    }
                }
            }
        }
    }

    /** The paths in a mapping's arguments; none written means the class-level path itself. */
    private static List<String> paths(String arguments) {
        if (arguments == null) {
            return List.of("");
        }
        List<String> paths = new ArrayList<>();
        Matcher literal = LITERAL.matcher(arguments);
        while (literal.find()) {
            paths.add(literal.group(1));
        }
        return paths.isEmpty() ? List.of("") : paths;
    }

    private static void statics(String module, Path root, List<Served> served) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> served.add(new Served(module,
                    "/" + root.relativize(f).toString().replace('\\', '/'), "static")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
