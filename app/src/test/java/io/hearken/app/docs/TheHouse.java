package io.hearken.app.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the repository really has, read from its files (no Spring, no build output): the modules of the root pom,
 * every type declared in a module's {@code src/main/java} or {@code src/test/java}, the property keys
 * ({@link PropertyKeys}), the HTTP endpoints ({@link Endpoints}), the alert names of the Prometheus rules, the
 * environment variables the operator files set, and, for names the docs take from libraries, the simple names of
 * every class on this test's classpath and in the JDK.
 */
final class TheHouse {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern ALERT = Pattern.compile("(?m)^\\s*-?\\s*alert:\\s*(\\w+)\\s*$");

    final Path root;
    final Set<String> modules;
    private final Map<String, List<Path>> declaredIn = new HashMap<>();
    private final Map<Path, String> code = new HashMap<>();
    private final Set<String> alerts = new HashSet<>();
    private Set<String> libraryNames;
    private Set<String> mainLiterals;
    private final StringBuilder operatorFiles = new StringBuilder();
    final PropertyKeys properties;
    final Endpoints endpoints;

    private TheHouse(Path root) throws IOException {
        this.root = root;
        this.modules = new LinkedHashSet<>();
        Matcher module = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1).strip());
        }
        for (String name : modules) {
            for (String sources : List.of("src/main/java", "src/test/java")) {
                for (Path file : files(root.resolve(name).resolve(sources), ".java")) {
                    Matcher declared = DECLARATION.matcher(code(file));
                    while (declared.find()) {
                        declaredIn.computeIfAbsent(declared.group(1), k -> new ArrayList<>()).add(file);
                    }
                }
            }
        }
        for (Path file : files(root.resolve("docker"), ".yml")) {
            Matcher alert = ALERT.matcher(Files.readString(file));
            while (alert.find()) {
                alerts.add(alert.group(1));
            }
        }
        for (String file : List.of("docker-compose.yml", ".env.example", "Dockerfile", ".ci/run")) {
            if (Files.isRegularFile(root.resolve(file))) {
                operatorFiles.append(Files.readString(root.resolve(file))).append('\n');
            }
        }
        for (Path file : files(root.resolve("docker"), "")) {
            try {
                operatorFiles.append(Files.readString(file)).append('\n');
            } catch (CharacterCodingException binary) {
                // not a text file: it sets no variables
            }
        }
        this.properties = PropertyKeys.of(this);
        this.endpoints = new Endpoints(this);
    }

    /** Is {@code name} (an environment variable) written in docker-compose.yml, .env.example, docker/, .ci/run? */
    boolean operatorFilesMention(String name) {
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(operatorFiles).find();
    }

    /** The repository around {@code start}: the nearest folder up whose pom.xml lists modules. */
    static TheHouse around(Path start) throws IOException {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
                return new TheHouse(dir);
            }
        }
        throw new IllegalStateException("no pom.xml with <modules> above " + start.toAbsolutePath());
    }

    boolean declares(String type) {
        return declaredIn.containsKey(type);
    }

    List<Path> filesDeclaring(String type) {
        return declaredIn.getOrDefault(type, List.of());
    }

    /** Does some module's src/main/java or src/test/java have package {@code name}? */
    boolean hasPackage(String name) {
        return !packageDirs(name).isEmpty();
    }

    /** Is {@code type} declared in a file of package {@code name}? */
    boolean declaresIn(String name, String type) {
        List<Path> files = filesDeclaring(type);
        return packageDirs(name).stream().anyMatch(dir -> files.stream().anyMatch(f -> f.getParent().equals(dir)));
    }

    private List<Path> packageDirs(String name) {
        List<Path> dirs = new ArrayList<>();
        for (String module : modules) {
            for (String sources : List.of("src/main/java", "src/test/java")) {
                Path dir = root.resolve(module).resolve(sources).resolve(name.replace('.', '/'));
                if (Files.isDirectory(dir)) {
                    dirs.add(dir);
                }
            }
        }
        return dirs;
    }

    /** A Prometheus alert of docker/**.yml (docs name them like classes). */
    boolean isAlert(String name) {
        return alerts.contains(name);
    }

    /** The main sources of every module, comments left out. */
    List<Path> mainSources() {
        List<Path> sources = new ArrayList<>();
        for (String name : modules) {
            sources.addAll(files(root.resolve(name).resolve("src/main/java"), ".java"));
        }
        return sources;
    }

    /** Every module's src/main/resources files ending in one of {@code endings}. */
    List<Path> mainResources(String... endings) {
        List<Path> found = new ArrayList<>();
        for (String name : modules) {
            for (String ending : endings) {
                found.addAll(files(root.resolve(name).resolve("src/main/resources"), ending));
            }
        }
        return found;
    }

    /** A source file without its comments, so a removed method mentioned in a comment does not count. */
    String code(Path file) {
        return code.computeIfAbsent(file, f -> {
            try {
                String text = Files.readString(f);
                text = text.replaceAll("(?s)/\\*.*?\\*/", " ");
                return text.replaceAll("(?m)^\\s*//.*$", " ");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Is {@code text} a whole string literal somewhere in the main code (a topic name, an index name)? */
    boolean hasLiteral(String text) {
        if (mainLiterals == null) {
            Set<String> literals = new HashSet<>();
            for (Path file : mainSources()) {
                Matcher literal = LITERAL.matcher(code(file));
                while (literal.find()) {
                    literals.add(literal.group(1));
                }
            }
            mainLiterals = literals;
        }
        return mainLiterals.contains(text);
    }

    /** A class of a library or the JDK, by simple name (nested classes too). */
    boolean isLibraryClass(String simpleName) {
        if (libraryNames == null) {
            libraryNames = Collections.unmodifiableSet(readLibraryNames());
        }
        return libraryNames.contains(simpleName);
    }

    private Set<String> readLibraryNames() {
        Set<String> names = new HashSet<>();
        try {
            var manifests = getClass().getClassLoader().getResources("META-INF/MANIFEST.MF");
            for (URL manifest : Collections.list(manifests)) {
                String spec = manifest.toString();
                if (spec.startsWith("jar:file:") && spec.contains("!/")) {
                    Path jar = Path.of(URI.create(spec.substring(4, spec.indexOf("!/"))));
                    try (JarFile file = new JarFile(jar.toFile())) {
                        file.stream().forEach(entry -> addClassName(entry.getName(), names));
                    }
                }
            }
            for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
                try (ModuleReader reader = module.open(); Stream<String> entries = reader.list()) {
                    entries.forEach(entry -> addClassName(entry, names));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Ours are not library classes: in {@code verify} our modules are jars on the classpath too. */
    private static void addClassName(String entry, Set<String> names) {
        if (entry.endsWith(".class") && !entry.startsWith("io/hearken/")) {
            String name = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".class".length());
            for (String part : name.split("\\$")) {
                if (!part.isEmpty() && Character.isJavaIdentifierStart(part.charAt(0))) {
                    names.add(part);
                }
            }
        }
    }

    static List<Path> files(Path dir, String ending) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(ending))
                    .filter(p -> !p.toString().contains("/target/")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
