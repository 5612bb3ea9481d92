package io.hearken.app.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one markdown file against {@link TheHouse} and reports each name that is not real. In backticks: a class or
 * package ({@link JavaNames}); a {@code hearken.*} property key or {@code HEARKEN_*} environment variable; a topic
 * ({@code intake.…}, {@code complaints.…}, {@code privacy.…}, …); an endpoint ({@code GET /path}, or a bare
 * {@code /path}); a repository path; the modules and test classes of a {@code ./mvnw} command (fenced too). Besides:
 * relative links (and their {@code #anchor} in a markdown file), and in a table row {@code | `hearken.key` | default |}
 * the default the code gives. Fenced blocks are diagrams and listings: only their commands are checked.
 */
final class DocCheck {

    /** One wrong name: where (file:line), what kind, the name as written. */
    record Finding(String where, String kind, String name) {
        @Override
        public String toString() {
            return where + ": " + kind + " `" + name + "`";
        }
    }

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    static final Pattern FILE_NAME = Pattern.compile(
            ".*\\.(md|ya?ml|java|json|properties|html|txt|csv|xml|png|jar|sh|crt|pem|bin|js|css|env|example)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)|^\\s*\\[[^\\]]+]:\\s*(\\S+)");
    private static final Pattern MODULES = Pattern.compile("(?:^|\\s)-pl\\s+([\\w,.:-]+)");
    private static final Pattern TESTS = Pattern.compile("-Dtest=['\"]?([^\\s'\"]+)");
    private static final Pattern ENVIRONMENT = Pattern.compile("(HEARKEN_[A-Z0-9_]*[A-Z0-9](?:_\\*)?)(?:=.*)?");
    private static final Pattern TOPIC = Pattern.compile("(intake|complaints|privacy|notifier|router|hotline)\\.[a-z0-9.-]+");
    private static final Pattern ENDPOINT = Pattern.compile("^(GET|POST|PUT|DELETE|PATCH) (/[^\\s?#]*)");
    private static final Pattern DEFAULT_ROW = Pattern.compile("^\\|\\s*`(hearken\\.[^`]+)`\\s*\\|\\s*`?([^`|]*?)`?\\s*\\|");
    private static final Pattern PLACEHOLDER = Pattern.compile("[<>{}*…$?|]|\\.\\.\\.");

    private final TheHouse house;
    private final JavaNames javaNames;
    private final Set<String> historic;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    /** {@code historic}: names this check lets pass (the caller's list, each with its reason). */
    DocCheck(TheHouse house, Set<String> historic) {
        this.house = house;
        this.javaNames = new JavaNames(house);
        this.historic = historic;
    }

    List<Finding> check(Path doc) throws IOException {
        return check(doc, Files.readAllLines(doc));
    }

    /** {@code doc}: where the text is (or would be): relative links and paths start there. */
    List<Finding> check(Path doc, List<String> lines) {
        List<Finding> findings = new ArrayList<>();
        String name = house.root.relativize(doc.toAbsolutePath().normalize()).toString();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = name + ":" + (i + 1);
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (line.strip().startsWith("./mvnw")) {
                command(line.strip(), where, findings);
            }
            if (fenced) {
                continue;
            }
            defaultValue(line, where, findings);
            Matcher span = CODE_SPAN.matcher(line);
            while (span.find()) {
                String text = span.group(1).strip();
                if (historic.contains(text)) {
                    continue;
                }
                javaNames.check(text, where, findings);
                property(text, where, findings);
                environment(text, where, findings);
                topic(text, where, findings);
                endpoint(text, where, findings);
                path(doc, text, where, findings);
                if (text.startsWith("./mvnw")) {
                    command(text, where, findings);
                }
            }
            Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (link.find()) {
                link(doc, link.group(1) != null ? link.group(1) : link.group(2), where, findings);
            }
        }
        return findings;
    }

    private void property(String text, String where, List<Finding> findings) {
        if (!text.startsWith("hearken.")) {
            return;
        }
        String key = text.split("[=:{(\\s]", 2)[0].replaceAll("<[^>]*>", "x");
        if (FILE_NAME.matcher(key).matches()) {
            return;
        }
        int last = key.lastIndexOf('.');
        for (String alternative : key.substring(last + 1).split("\\|")) {
            if (!house.properties.knows(key.substring(0, last + 1) + alternative)) {
                findings.add(new Finding(where, "no property", text));
                return;
            }
        }
    }

    /** A topic of the contract's name spaces: a string literal of the main code ({@code -dlt} added to any). */
    private void topic(String text, String where, List<Finding> findings) {
        if (TOPIC.matcher(text).matches() && !FILE_NAME.matcher(text).matches() && !text.matches(".*\\.(org|com|net|local)")
                && !house.hasLiteral(text) && !house.hasLiteral(text.replaceFirst("-dlt$", ""))) {
            findings.add(new Finding(where, "no topic", text));
        }
    }

    /** A table row {@code | `hearken.key` | default | …}: the default the record's {@code @DefaultValue} gives. */
    private void defaultValue(String line, String where, List<Finding> findings) {
        Matcher row = DEFAULT_ROW.matcher(line);
        if (row.find()) {
            String written = row.group(2).strip();
            house.properties.defaultOf(row.group(1)).filter(code -> !WrittenValues.same(written, code)).ifPresent(code ->
                    findings.add(new Finding(where, "default is `" + code + "` in the code, not", written)));
        }
    }

    /** {@code GET /path}: a path the code maps for that method; a bare {@code /path}: served or a prefix of some. */
    private void endpoint(String text, String where, List<Finding> findings) {
        if (text.matches("/[^\\s]*") && !house.endpoints.servesUnder(text.split("[?#]", 2)[0])) {
            findings.add(new Finding(where, "no endpoint", text));
            return;
        }
        Matcher endpoint = ENDPOINT.matcher(text);
        if (endpoint.find() && !endpoint.group(2).contains("*") && !endpoint.group(2).contains("…")
                && !endpoint.group(2).contains("...") && !house.endpoints.serves(endpoint.group(1), endpoint.group(2))) {
            findings.add(new Finding(where, "no endpoint", text));
        }
    }

    /** An environment variable: one the operator files set, or the environment form of a property key. */
    private void environment(String text, String where, List<Finding> findings) {
        Matcher variable = ENVIRONMENT.matcher(text);
        if (!variable.matches()) {
            return;
        }
        String name = variable.group(1);
        String key = Arrays.stream(name.toLowerCase(Locale.ROOT).split("_"))
                .filter(segment -> !segment.matches("\\d+|\\*")).collect(Collectors.joining("."));
        boolean known = name.endsWith("_*") ? house.properties.knows(key + ".*")
                : house.operatorFilesMention(name) || house.properties.knows(key);
        if (!known) {
            findings.add(new Finding(where, "no environment variable", text));
        }
    }

    private void path(Path doc, String text, String where, List<Finding> findings) {
        // Build output (target/...) exists only after a build or a bench run: not checked, on any machine.
        if (!text.contains("/") || text.contains(" ") || PLACEHOLDER.matcher(text).find() || text.contains("/target")
                || text.startsWith("target/") || text.contains("://")) {
            return;
        }
        String path = text.startsWith("./") ? text.substring(2) : text;
        Path resolved;
        if (path.startsWith("../")) {
            resolved = doc.toAbsolutePath().getParent().resolve(path).normalize();
            if (!resolved.startsWith(house.root)) {
                return; // an example of a hostile name, not a file of ours
            }
        } else if (path.contains("/src/main/") || path.contains("/src/test/")
                || (!path.startsWith("/") && Files.exists(house.root.resolve(path.split("/", 2)[0])))) {
            resolved = house.root.resolve(path).normalize();
        } else {
            return;
        }
        if (!Files.exists(resolved)) {
            findings.add(new Finding(where, "no file", text));
        }
    }

    private void link(Path doc, String target, String where, List<Finding> findings) {
        if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
            return;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? doc.toAbsolutePath() : doc.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            findings.add(new Finding(where, "no file for link", target));
        } else if (hash >= 0 && resolved.toString().endsWith(".md")
                && !anchors(resolved).contains(target.substring(hash + 1))) {
            findings.add(new Finding(where, "no heading for link", target));
        }
    }

    private void command(String command, String where, List<Finding> findings) {
        Matcher modules = MODULES.matcher(command);
        while (modules.find()) {
            for (String module : modules.group(1).split(",")) {
                if (!house.modules.contains(module.replaceFirst("^:", ""))) {
                    findings.add(new Finding(where, "no module", module));
                }
            }
        }
        if (command.contains(" -am") && command.contains("-Dtest=") && !command.contains("failIfNoSpecifiedTests=false")) {
            // the modules -am adds have no such test, and surefire fails them
            findings.add(new Finding(where, "needs -Dsurefire.failIfNoSpecifiedTests=false:", command));
        }
        Matcher tests = TESTS.matcher(command);
        while (tests.find()) {
            for (String test : tests.group(1).split(",")) {
                String type = test.split("#", 2)[0];
                if (!type.contains("*") && !type.isEmpty() && !house.declares(type)) {
                    findings.add(new Finding(where, "no test class", type));
                }
            }
        }
    }

    /** The anchors GitHub makes of a markdown file's headings. */
    private Set<String> anchors(Path markdown) {
        return anchors.computeIfAbsent(markdown, file -> {
            try {
                return MarkdownAnchors.of(Files.readAllLines(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
