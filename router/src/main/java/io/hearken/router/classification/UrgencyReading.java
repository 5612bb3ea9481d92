package io.hearken.router.classification;

import io.hearken.events.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;

/**
 * Urgency read from the wording, with reasons: a hazard to life, health or property (the rules'
 * {@code urgency.urgent} situations: gas, fire, flooding, people trapped or hurt, ...) makes a text
 * URGENT — unless the words are a look-alike ({@code urgency.ignore}: 抽烟, 油烟, "fire exit"), masked
 * first, or are negated in their clause ({@code urgency.negations}: 没有, "no", "not"). Otherwise
 * a suggestion or a question ({@code urgency.low}) is LOW only when the text reports no problem
 * ({@code urgency.problem}); politeness and hope (希望, 请, please) never lower urgency.
 *
 * <p>Beside the rules, a model ({@link UrgencyModel}) trained on the labelled set reads the masked text. It can
 * only make the reading safer: it raises NORMAL (or the rules' LOW) to URGENT when its calibrated probability of
 * URGENT is at least {@link #MODEL_URGENT}, unless the rules found the hazard negated; it never lowers the rules'
 * URGENT; and the rules' LOW stands only when the model finds low likelier than urgent, else it is NORMAL.
 */
public final class UrgencyReading {

    public static final String SHIPPED_SET = "/io/hearken/router/model/urgency-labelled.csv";
    /** How far before a hazard a negation cue counts (characters), within the same clause. */
    private static final int HAN_WINDOW = 5;
    private static final int LATIN_WINDOW = 14;
    private static final char MASK = '\u25A1';
    /** The model's calibrated P(URGENT) from which it raises a text to URGENT (docs/router.md, "Urgency"). */
    static final double MODEL_URGENT = 0.4;

    public record Decision(Urgency urgency, List<String> reasons) {
    }

    private final ClassificationRules.UrgencyRules rules;
    private final UrgencyModel model;

    /** The rules plus the shipped model. */
    public UrgencyReading(ClassificationRules rules) {
        this(rules, UrgencyModel.shipped());
    }

    /** {@code model} null: the rules alone. */
    public UrgencyReading(ClassificationRules rules, UrgencyModel model) {
        this.rules = rules.urgency();
        this.model = model;
    }

    public Decision read(String text) {
        String s = TextFeatures.normalize(text);
        Set<String> ignored = new LinkedHashSet<>();
        String masked = mask(s, ignored);
        Set<String> negated = new LinkedHashSet<>();
        Decision byRules = byRules(s, masked, ignored, negated);
        if (model == null || byRules.urgency() == Urgency.URGENT) {
            return byRules;
        }
        UrgencyModel.Estimate estimate = model.estimate(masked);
        List<String> reasons = new ArrayList<>(byRules.reasons());
        if (estimate.urgent() >= MODEL_URGENT && negated.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "urgency model p=%.2f", estimate.urgent()));
            return new Decision(Urgency.URGENT, List.copyOf(reasons));
        }
        if (byRules.urgency() == Urgency.LOW && estimate.low() < estimate.urgent()) {
            reasons.add(String.format(Locale.ROOT, "urgency model leans urgent rather than low (p=%.2f, p(low)=%.2f) → normal",
                    estimate.urgent(), estimate.low()));
            return new Decision(Urgency.NORMAL, List.copyOf(reasons));
        }
        return byRules;
    }

    /** The normalised text with every look-alike masked, as the model sees it (in training too). */
    String masked(String text) {
        return mask(TextFeatures.normalize(text), new LinkedHashSet<>());
    }

    /** Every look-alike is found on the original text (one may contain another: 抽烟 … 烟味), then masked. */
    private String mask(String s, Set<String> ignored) {
        char[] chars = s.toCharArray();
        for (ClassificationRules.Matcher m : rules.ignore()) {
            for (MatchResult found : m.in(s)) {
                ignored.add(found.group());
                java.util.Arrays.fill(chars, found.start(), found.end(), MASK);
            }
        }
        return new String(chars);
    }

    private Decision byRules(String s, String masked, Set<String> ignored, Set<String> negated) {
        List<String> reasons = new ArrayList<>();
        Set<String> hits = new LinkedHashSet<>();
        for (var situation : rules.urgent().entrySet()) {
            for (ClassificationRules.Matcher m : situation.getValue()) {
                for (MatchResult found : m.in(masked)) {
                    String what = (situation.getKey().equals("urgent") ? "" : situation.getKey() + " ") + "'"
                            + found.group().strip() + "'";
                    (negatedAt(masked, found.start()) ? negated : hits).add(what);
                }
            }
        }
        if (!ignored.isEmpty() && !rules.urgent().isEmpty()) {
            reasons.add("not a hazard: " + quoted(ignored));
        }
        if (!negated.isEmpty()) {
            reasons.add("negated: " + String.join(", ", negated));
        }
        if (!hits.isEmpty()) {
            reasons.add("urgent signal: " + String.join(", ", hits));
            return new Decision(Urgency.URGENT, List.copyOf(reasons));
        }
        List<String> low = found(rules.low(), s);
        if (!low.isEmpty()) {
            List<String> problem = found(rules.problem(), s);
            if (problem.isEmpty()) {
                reasons.add("low-urgency signal: " + quoted(low) + " (a suggestion or question, no problem reported)");
                return new Decision(Urgency.LOW, List.copyOf(reasons));
            }
            reasons.add("question or suggestion wording " + quoted(low) + ", but it reports a problem " + quoted(problem)
                    + " → normal");
        }
        return new Decision(Urgency.NORMAL, List.copyOf(reasons));
    }

    /** A negation cue shortly before {@code at}, in the same clause. */
    private boolean negatedAt(String s, int at) {
        int clause = at;
        while (clause > 0 && ",.;:!?，。；：！？\n、".indexOf(s.charAt(clause - 1)) < 0) {
            clause--;
        }
        boolean han = at > 0 && Character.isIdeographic(s.codePointBefore(at));
        String before = s.substring(Math.max(clause, at - (han ? HAN_WINDOW : LATIN_WINDOW)), at);
        return rules.negations().stream().anyMatch(m -> m.matches(before));
    }

    private static List<String> found(List<ClassificationRules.Matcher> matchers, String s) {
        List<String> out = new ArrayList<>();
        for (ClassificationRules.Matcher m : matchers) {
            m.first(s).filter(found -> !out.contains(found)).ifPresent(out::add);
        }
        return out;
    }

    private static String quoted(java.util.Collection<String> words) {
        return "'" + String.join("', '", words) + "'";
    }

    /** The shipped labelled urgency set ({@code text,urgency}). */
    public static List<LabelledText> shippedSet() {
        try (InputStream in = UrgencyReading.class.getResourceAsStream(SHIPPED_SET)) {
            if (in == null) {
                throw new IllegalStateException("the shipped urgency set " + SHIPPED_SET + " is missing");
            }
            return LabelledCsv.read(in, "classpath:" + SHIPPED_SET, "urgency");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per-class figures, plus how many urgent texts were called low (the one mistake that must not happen). */
    public static String evaluate(UrgencyReading reading, List<LabelledText> rows) {
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        int urgentCalledLow = 0;
        for (LabelledText row : rows) {
            String t = row.label().toUpperCase(Locale.ROOT);
            String p = reading.read(row.text()).urgency().name();
            truth.add(t);
            predicted.add(p);
            urgentCalledLow += t.equals("URGENT") && p.equals("LOW") ? 1 : 0;
        }
        return Evaluation.of(truth, predicted).report() + "urgent_called_low=" + urgentCalledLow + "\n";
    }
}
