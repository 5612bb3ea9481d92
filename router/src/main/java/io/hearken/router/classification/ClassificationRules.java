package io.hearken.router.classification;

import io.hearken.events.ResidentType;
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

    /** The rules file in the jar, used when no office file is configured. */
    public static final String SHIPPED = "/io/hearken/router/rules.yml";

    /** One keyword or pattern that matched. */
    public record Hit(String target, String signal) {
    }

    /**
     * {@code literal}: text every match contains (a keyword's own), or null. Most texts contain few of the hundreds
     * of keywords, and {@link String#contains} rules a keyword out far sooner than its pattern's scan.
     */
    record Matcher(String signal, Pattern pattern, String literal) {
        Matcher(String signal, Pattern pattern) {
            this(signal, pattern, null);
        }

        /** False when the text cannot match; true when it may (then run the pattern). */
        boolean mayMatch(String text) {
            return literal == null || text.contains(literal);
        }

        boolean matches(String text) {
            return mayMatch(text) && pattern.matcher(text).find();
        }
    }

    /** The urgency part: hazards by situation, look-alikes to ignore, negation cues, low wording, problem words. */
    record UrgencyRules(Map<String, List<Matcher>> urgent, List<Matcher> ignore, List<Matcher> negations,
            List<Matcher> low, List<Matcher> problem) {
    }

    /** The sentiment part (docs/router.md, "Sentiment"). */
    record SentimentRules(List<Matcher> angry, List<Matcher> annoyed, List<Matcher> intensifiers, List<Matcher> repeated,
            List<Matcher> again, List<Matcher> distressed, List<Matcher> vulnerable, List<Matcher> hardship,
            List<Matcher> negations) {
    }

    /** Customer type from the wording, in the file's order, and the words of a business whose trade is hit. */
    record CustomerTypeRules(Map<ResidentType, List<Matcher>> wording, List<Matcher> businessImpact) {
    }

    private final Map<String, List<Matcher>> categories;
    private final UrgencyRules urgency;
    private final List<Matcher> impact;
    private final SentimentRules sentiment;
    private final CustomerTypeRules customerType;

    private ClassificationRules(Map<String, List<Matcher>> categories, UrgencyRules urgency, List<Matcher> impact,
            SentimentRules sentiment, CustomerTypeRules customerType) {
        this.categories = categories;
        this.urgency = urgency;
        this.impact = impact;
        this.sentiment = sentiment;
        this.customerType = customerType;
    }

    /** The shipped rules, read once: a file without a sentiment or customer-type section uses theirs. */
    private static final class Shipped {
        static final ClassificationRules RULES = defaults();
    }

    public static ClassificationRules load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules " + file + ": " + e.getMessage(), e);
        }
    }

    public static ClassificationRules defaults() {
        try (InputStream in = ClassificationRules.class.getResourceAsStream(SHIPPED)) {
            return load(in, "classpath:" + SHIPPED.substring(1));
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
        return new ClassificationRules(categories, rules, matchers(map.get("impact"), name + " impact"),
                sentiment(map.get("sentiment"), name), customerType(map.get("customer-type"), name));
    }

    private static SentimentRules sentiment(Object node, String name) {
        if (!(node instanceof Map<?, ?> m)) {
            return null;
        }
        String at = name + " sentiment.";
        return new SentimentRules(matchers(m.get("angry"), at + "angry"), matchers(m.get("annoyed"), at + "annoyed"),
                matchers(m.get("intensifiers"), at + "intensifiers"), matchers(m.get("repeated"), at + "repeated"),
                matchers(m.get("again"), at + "again"), matchers(m.get("distressed"), at + "distressed"),
                matchers(m.get("vulnerable"), at + "vulnerable"), matchers(m.get("hardship"), at + "hardship"),
                matchers(m.get("negations"), at + "negations"));
    }

    private static CustomerTypeRules customerType(Object node, String name) {
        if (!(node instanceof Map<?, ?> m)) {
            return null;
        }
        Map<ResidentType, List<Matcher>> wording = new LinkedHashMap<>();
        if (m.get("wording") instanceof Map<?, ?> types) {
            for (Map.Entry<?, ?> e : types.entrySet()) {
                ResidentType type;
                try {
                    type = ResidentType.valueOf(String.valueOf(e.getKey()).strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(name + " customer-type.wording: no customer type " + e.getKey()
                            + " (one of " + java.util.Arrays.toString(ResidentType.values()) + ")", bad);
                }
                wording.put(type, matchers(e.getValue(), name + " customer-type.wording." + e.getKey()));
            }
        }
        return new CustomerTypeRules(wording, matchers(m.get("business-impact"), name + " customer-type.business-impact"));
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
                    out.add(new Matcher(word, Pattern.compile(regex), word));
                }
            }
        }
        if (patterns instanceof List<?> list) {
            for (Object p : list) {
                try {
                    out.add(new Matcher(String.valueOf(p), compile(String.valueOf(p))));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(where + ": bad pattern " + p + ": " + e.getDescription(), e);
                }
            }
        }
        return out;
    }

    /**
     * Texts are lower-cased before matching, so a pattern without capitals needs no case folding, which costs a
     * case conversion per character tried; one with capitals (also escapes such as \S) keeps it.
     */
    static Pattern compile(String pattern) {
        return pattern.equals(pattern.toLowerCase(Locale.ROOT)) ? Pattern.compile(pattern)
                : Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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

    SentimentRules sentiment() {
        return sentiment != null ? sentiment : Shipped.RULES.sentiment;
    }

    CustomerTypeRules customerType() {
        return customerType != null ? customerType : Shipped.RULES.customerType;
    }

    /** Words saying many people are affected (全楼, all residents), as they stand in the text (a pattern's match). */
    public List<String> impactSignals(String text) {
        String s = TextFeatures.normalize(text);
        List<String> out = new ArrayList<>();
        for (Matcher m : impact) {
            if (!m.mayMatch(s)) {
                continue;
            }
            java.util.regex.Matcher found = m.pattern().matcher(s);
            if (found.find() && !out.contains(found.group().strip())) {
                out.add(found.group().strip());
            }
        }
        return out;
    }

    public List<String> categories() {
        return List.copyOf(categories.keySet());
    }

    private static List<String> signals(List<Matcher> matchers, String text) {
        String s = TextFeatures.normalize(text).toLowerCase(Locale.ROOT);
        return matchers.stream().filter(m -> m.matches(s)).map(Matcher::signal).distinct().toList();
    }
}
