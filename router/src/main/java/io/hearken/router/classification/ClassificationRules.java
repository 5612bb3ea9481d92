package io.hearken.router.classification;

import static io.hearken.router.classification.RulesFile.Words.matchersOf;

import io.hearken.events.ResidentType;
import io.hearken.router.yaml.YamlFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * {@code literal}: text every match contains (a keyword's own), or null. Most texts contain few of the hundreds
     * of keywords, and {@link String#contains} rules a keyword out far sooner than its pattern's scan.
     */
    record Matcher(String signal, Pattern pattern, String literal) {
        Matcher(String signal, Pattern pattern) {
            this(signal, pattern, null);
        }

        /** False when the text cannot match; true when it may (then run the pattern). */
        private boolean mayMatch(String text) {
            return literal == null || text.contains(literal);
        }

        boolean matches(String text) {
            return finder(text).find();
        }

        /** A matcher over the text, or over nothing when the literal rules it out (it then finds nothing). */
        java.util.regex.Matcher finder(String text) {
            return pattern.matcher(mayMatch(text) ? text : "");
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
            java.util.regex.Matcher found = m.finder(s);
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
