package io.hearken.router.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rule layer a department maintains in YAML: keywords and regular expressions per category,
 * urgency signals (urgent / low) and impact words (a whole building, all residents). Matching is on
 * the NFKC-normalised, lower-cased text. See docs/router.md for the file format.
 */
public final class ClassificationRules {

    /** One keyword or pattern that matched. */
    public record Hit(String target, String signal) {
    }

    record Matcher(String signal, Pattern pattern) {
        boolean matches(String text) {
            return pattern.matcher(text).find();
        }
    }

    /** The urgency part: hazards by situation, look-alikes to ignore, negation cues, low wording, problem words. */
    record UrgencyRules(Map<String, List<Matcher>> urgent, List<Matcher> ignore, List<Matcher> negations,
            List<Matcher> low, List<Matcher> problem) {
    }

    private final Map<String, List<Matcher>> categories;
    private final UrgencyRules urgency;
    private final List<Matcher> impact;

    private ClassificationRules(Map<String, List<Matcher>> categories, UrgencyRules urgency, List<Matcher> impact) {
        this.categories = categories;
        this.urgency = urgency;
        this.impact = impact;
    }

    public static ClassificationRules load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules " + file + ": " + e.getMessage(), e);
        }
    }

    public static ClassificationRules defaults() {
        try (InputStream in = ClassificationRules.class.getResourceAsStream("/io/hearken/router/rules.yml")) {
            return load(in, "classpath:io/hearken/router/rules.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static ClassificationRules load(InputStream in, String name) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": expected a mapping with 'categories', 'urgency', 'impact'");
        }
        Map<String, List<Matcher>> categories = new LinkedHashMap<>();
        Object cats = map.get("categories");
        if (cats instanceof Map<?, ?> catMap) {
            for (Map.Entry<?, ?> e : catMap.entrySet()) {
                categories.put(String.valueOf(e.getKey()), matchers(e.getValue(), name + " categories." + e.getKey()));
            }
        }
        Map<String, Object> urgency = map.get("urgency") instanceof Map<?, ?> u ? (Map<String, Object>) u : Map.of();
        // urgent: a keyword list, {keywords, patterns}, or one such entry per situation (gas, fire, ...).
        Map<String, List<Matcher>> urgent = new LinkedHashMap<>();
        Object node = urgency.get("urgent");
        if (node instanceof Map<?, ?> m && !m.containsKey("keywords") && !m.containsKey("patterns")) {
            m.forEach((situation, v) -> urgent.put(String.valueOf(situation), matchers(v, name + " urgency.urgent." + situation)));
        } else {
            urgent.put("urgent", matchers(node, name + " urgency.urgent"));
        }
        UrgencyRules rules = new UrgencyRules(urgent, matchers(urgency.get("ignore"), name + " urgency.ignore"),
                matchers(urgency.get("negations"), name + " urgency.negations"), matchers(urgency.get("low"), name + " urgency.low"),
                matchers(urgency.get("problem"), name + " urgency.problem"));
        return new ClassificationRules(categories, rules, matchers(map.get("impact"), name + " impact"));
    }

    /** A list of keywords, or a mapping with {@code keywords} and {@code patterns}. */
    static List<Matcher> matchers(Object node, String where) {
        List<Matcher> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        Object keywords = node;
        Object patterns = null;
        if (node instanceof Map<?, ?> m) {
            keywords = m.get("keywords");
            patterns = m.get("patterns");
        }
        if (keywords instanceof List<?> list) {
            for (Object k : list) {
                String word = TextFeatures.normalize(String.valueOf(k)).strip();
                if (!word.isEmpty()) {
                    // Latin keywords match whole words ("fire" not in "firefox"); Han ones anywhere.
                    String regex = word.codePoints().anyMatch(Character::isIdeographic) ? Pattern.quote(word)
                            : "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])";
                    out.add(new Matcher(word, Pattern.compile(regex)));
                }
            }
        }
        if (patterns instanceof List<?> list) {
            for (Object p : list) {
                try {
                    out.add(new Matcher(String.valueOf(p), Pattern.compile(String.valueOf(p),
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(where + ": bad pattern " + p + ": " + e.getDescription(), e);
                }
            }
        }
        return out;
    }

    public List<Hit> categoryHits(String text) {
        String s = TextFeatures.normalize(text);
        List<Hit> hits = new ArrayList<>();
        categories.forEach((category, matchers) -> matchers.stream().filter(m -> m.matches(s))
                .forEach(m -> hits.add(new Hit(category, m.signal()))));
        return hits;
    }

    /** Every urgent keyword or pattern found, without context (see {@link UrgencyReading} for the decision). */
    public List<String> urgentSignals(String text) {
        return signals(urgency.urgent().values().stream().flatMap(List::stream).toList(), text);
    }

    public List<String> lowSignals(String text) {
        return signals(urgency.low(), text);
    }

    UrgencyRules urgency() {
        return urgency;
    }

    /** Words saying many people are affected (全楼, all residents). */
    public List<String> impactSignals(String text) {
        return signals(impact, text);
    }

    public List<String> categories() {
        return List.copyOf(categories.keySet());
    }

    private static List<String> signals(List<Matcher> matchers, String text) {
        String s = TextFeatures.normalize(text).toLowerCase(Locale.ROOT);
        return matchers.stream().filter(m -> m.matches(s)).map(Matcher::signal).distinct().toList();
    }
}
