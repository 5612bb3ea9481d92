package io.hearken.router.classification;

import static io.hearken.router.classification.RulesFile.Words.matchersOf;

import io.hearken.events.ResidentType;
import io.hearken.router.yaml.YamlFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

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
     * {@code required}: what every match contains ({@link RequiredText}): for each choice, one of its literals (a
     * keyword is its own one choice). Most texts contain few of the hundreds of keywords and patterns, and
     * {@link String#contains} rules one out far sooner than the regex's scan of every position.
     */
    record Matcher(String signal, Pattern pattern, List<List<String>> required) {
        Matcher(String signal, Pattern pattern) {
            this(signal, pattern, List.of());
        }

        /** False when the text cannot match; true when it may (then run the pattern). */
        boolean mayMatch(String text) {
            for (List<String> choice : required) {
                if (!containsAny(text, choice)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean containsAny(String text, List<String> literals) {
            for (String literal : literals) {
                if (text.contains(literal)) {
                    return true;
                }
            }
            return false;
        }

        boolean matches(String text) {
            return mayMatch(text) && pattern.matcher(text).find();
        }

        /**
         * The matches in the text, in order, found as they are asked for; none, without making a regex matcher
         * (whose setting up costs more than most searches), when the literal rules the text out.
         */
        Iterable<MatchResult> in(String text) {
            return mayMatch(text) ? () -> new Matches(pattern.matcher(text)) : List.of();
        }

        /** The text of the first match, stripped; empty when there is none. */
        Optional<String> first(String text) {
            if (!mayMatch(text)) {
                return Optional.empty();
            }
            java.util.regex.Matcher found = pattern.matcher(text);
            return found.find() ? Optional.of(found.group().strip()) : Optional.empty();
        }
    }

    /** A regex matcher's matches, found one at a time (its own {@code results()} builds a stream each time). */
    private static final class Matches implements Iterator<MatchResult> {
        private final java.util.regex.Matcher matcher;
        private Boolean found;

        Matches(java.util.regex.Matcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public boolean hasNext() {
            if (found == null) {
                found = matcher.find();
            }
            return found;
        }

        @Override
        public MatchResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            found = null;
            return matcher.toMatchResult();
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
        return of(YamlFile.read(file, RulesFile.class));
    }

    public static ClassificationRules defaults() {
        return of(YamlFile.shipped(SHIPPED, RulesFile.class));
    }

    /** The rules in {@code in}; {@code name} (the file) is what an error message names. */
    public static ClassificationRules load(InputStream in, String name) {
        return of(YamlFile.read(in, name, RulesFile.class));
    }

    private static ClassificationRules of(RulesFile file) {
        Map<String, List<Matcher>> categories = new LinkedHashMap<>();
        if (file.categories() != null) {
            file.categories().forEach((category, words) -> categories.put(category, matchersOf(words)));
        }
        RulesFile.Urgency u = file.urgency() != null ? file.urgency() : new RulesFile.Urgency(null, null, null, null, null);
        Map<String, List<Matcher>> urgent = new LinkedHashMap<>();
        if (u.urgent() == null) {
            urgent.put("urgent", List.of());
        } else {
            u.urgent().situations().forEach((situation, words) -> urgent.put(situation, matchersOf(words)));
        }
        UrgencyRules urgency = new UrgencyRules(urgent, matchersOf(u.ignore()), matchersOf(u.negations()),
                matchersOf(u.low()), matchersOf(u.problem()));
        return new ClassificationRules(categories, urgency, matchersOf(file.impact()), sentiment(file.sentiment()),
                customerType(file.customerType()));
    }

    private static SentimentRules sentiment(RulesFile.Sentiment s) {
        return s == null ? null : new SentimentRules(matchersOf(s.angry()), matchersOf(s.annoyed()),
                matchersOf(s.intensifiers()), matchersOf(s.repeated()), matchersOf(s.again()),
                matchersOf(s.distressed()), matchersOf(s.vulnerable()), matchersOf(s.hardship()),
                matchersOf(s.negations()));
    }

    private static CustomerTypeRules customerType(RulesFile.CustomerType c) {
        if (c == null) {
            return null;
        }
        Map<ResidentType, List<Matcher>> wording = new LinkedHashMap<>();
        if (c.wording() != null) {
            c.wording().forEach((type, words) -> wording.put(type, matchersOf(words)));
        }
        return new CustomerTypeRules(wording, matchersOf(c.businessImpact()));
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

    /** Every category's matchers, in the file's order. */
    List<Matcher> categoryMatchers() {
        return categories.values().stream().flatMap(List::stream).toList();
    }

    List<Matcher> impact() {
        return impact;
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
            m.first(s).filter(found -> !out.contains(found)).ifPresent(out::add);
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
