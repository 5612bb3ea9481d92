package io.hearken.router.classification;

import io.hearken.events.Sentiment;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * How the resident sounds, from their own words, with reasons (the rules' {@code sentiment} section):
 * <ul>
 * <li>DISTRESSED: fear, helplessness or despair (害怕, 走投无路, "desperate", "can't cope"), or a person who needs care
 * together with a hardship in one text (孩子 + 发烧, "elderly" + "alone"); either alone is not enough
 * ("建议给老人多装座椅");</li>
 * <li>ANGRY: fury, contempt or a threat to take it further (气死了, 忍无可忍, "furious", "lawyer"); saying it was
 * complained of before, again and again (第三次投诉, 投诉了好几次, "third time"); or displeasure (不满, "annoyed")
 * made strong by an intensifier in its sentence, "!!" or "?!", a shouted word, or "again" / 又;</li>
 * <li>NEUTRAL otherwise: factual, polite, hopeful, thankful — exclamation marks alone never make anger.</li>
 * </ul>
 * A negation shortly before a cue in its clause cancels it ("我不生气", "不着急", "not angry"). Distress wins over
 * anger: it is what changes the priority, and a frightened resident often sounds angry too.
 */
public final class SentimentReading {

    private static final int HAN_WINDOW = 4;
    private static final int LATIN_WINDOW = 12;
    private static final String CLAUSE_ENDS = ",.;:!?，。；：！？\n、";
    private static final Pattern STRONG_PUNCTUATION = Pattern.compile("!!|\\?!|!\\?");
    /** A word in capitals ("does NOT WORK"), not a common abbreviation. */
    private static final Pattern SHOUTED = Pattern.compile("(?<![\\p{L}\\p{N}-])(?!(?:CCTV|ATM|LED|USB|GPS|HVAC|PIN|SMS|APP|USA|BBQ|NHS|WIFI|TV)\\b)[A-Z]{3,}(?![\\p{L}\\p{N}-])");

    public record Decision(Sentiment sentiment, List<String> cues, List<String> reasons) {
    }

    private final ClassificationRules.SentimentRules rules;

    public SentimentReading(ClassificationRules rules) {
        this.rules = rules.sentiment();
    }

    public Decision read(String text) {
        String original = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC);
        String s = TextFeatures.normalize(text);
        Set<String> negated = new LinkedHashSet<>();
        List<String> distress = found(rules.distressed(), s, negated);
        List<String> vulnerable = found(rules.vulnerable(), s, negated);
        List<String> hardship = found(rules.hardship(), s, negated);
        if (!vulnerable.isEmpty() && !hardship.isEmpty()) {
            distress.add(vulnerable.get(0) + "' + '" + hardship.get(0));
        }
        List<String> anger = found(rules.angry(), s, negated);
        found(rules.repeated(), s, negated).forEach(r -> anger.add("repeated: " + r));
        List<String> annoyed = annoyedAndStrong(s, original, negated);
        anger.addAll(annoyed);

        List<String> reasons = new ArrayList<>();
        Sentiment sentiment = !distress.isEmpty() ? Sentiment.DISTRESSED : !anger.isEmpty() ? Sentiment.ANGRY : Sentiment.NEUTRAL;
        List<String> cues = sentiment == Sentiment.DISTRESSED ? distress : sentiment == Sentiment.ANGRY ? anger : List.of();
        if (sentiment != Sentiment.NEUTRAL) {
            reasons.add("sentiment: " + sentiment.name().toLowerCase(java.util.Locale.ROOT) + " " + quoted(cues)
                    + (sentiment == Sentiment.DISTRESSED && !anger.isEmpty() ? ", also angry " + quoted(anger) : ""));
        }
        if (!negated.isEmpty()) {
            reasons.add("sentiment: negated " + quoted(negated));
        }
        return new Decision(sentiment, List.copyOf(cues), List.copyOf(reasons));
    }

    /** Displeasure that an intensifier in its sentence, strong punctuation, shouting or "again" makes anger. */
    private List<String> annoyedAndStrong(String s, String original, Set<String> negated) {
        List<String> out = new ArrayList<>();
        boolean strongText = STRONG_PUNCTUATION.matcher(s).find() || SHOUTED.matcher(original).find()
                || rules.again().stream().anyMatch(m -> m.matches(s));
        for (ClassificationRules.Matcher m : rules.annoyed()) {
            for (MatchResult found : m.in(s)) {
                if (negatedAt(s, found.start())) {
                    negated.add(found.group().strip());
                    continue;
                }
                String sentence = sentence(s, found.start(), found.end());
                if (strongText || rules.intensifiers().stream().anyMatch(i -> i.matches(sentence))) {
                    out.add(found.group().strip() + " (strengthened)");
                    return out;
                }
            }
        }
        return out;
    }

    /** Every cue found and not negated (distinct, in the file's order); negated ones go to {@code negated}. */
    private List<String> found(List<ClassificationRules.Matcher> matchers, String s, Set<String> negated) {
        List<String> out = new ArrayList<>();
        for (ClassificationRules.Matcher m : matchers) {
            for (MatchResult found : m.in(s)) {
                String cue = found.group().strip();
                if (negatedAt(s, found.start())) {
                    negated.add(cue);
                } else if (!out.contains(cue)) {
                    out.add(cue);
                    break;
                }
            }
        }
        return out;
    }

    /** A negation cue shortly before {@code at}, in the same clause. */
    private boolean negatedAt(String s, int at) {
        int clause = at;
        while (clause > 0 && CLAUSE_ENDS.indexOf(s.charAt(clause - 1)) < 0) {
            clause--;
        }
        boolean han = at > 0 && Character.isIdeographic(s.codePointBefore(at));
        String before = s.substring(Math.max(clause, at - (han ? HAN_WINDOW : LATIN_WINDOW)), at);
        return rules.negations().stream().anyMatch(m -> m.matches(before));
    }

    private static String sentence(String s, int start, int end) {
        int from = start;
        while (from > 0 && "。！？!?.;；\n".indexOf(s.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < s.length() && "。！？!?.;；\n".indexOf(s.charAt(to)) < 0) {
            to++;
        }
        return s.substring(from, to);
    }

    private static String quoted(Collection<String> words) {
        return "'" + String.join("', '", words) + "'";
    }
}
