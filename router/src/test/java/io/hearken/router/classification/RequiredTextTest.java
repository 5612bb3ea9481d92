package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequiredTextTest {

    @Test
    void plainRunsAndGroupsOfPlainAlternativesAreRequired() {
        assertThat(RequiredText.of("(煤气|燃气|天然气)[^，。,.!?！？]{0,6}(味|漏|泄)"))
                .containsExactly(List.of("煤气", "燃气", "天然气"), List.of("味", "漏", "泄"));
        assertThat(RequiredText.of("正在[^，。]{0,4}(偷|撬)")).containsExactly(List.of("正在"), List.of("偷", "撬"));
        assertThat(RequiredText.of("\\bsmell(s|ing|ed)?\\b[^.,!?]{0,12}\\b(of|like) gas\\b"))
                .containsExactly(List.of("smell"), List.of("of", "like"), List.of(" gas"));
        assertThat(RequiredText.of("(?<![发恼怒上心红])火(?!车|锅|腿)")).containsExactly(List.of("火"));
        assertThat(RequiredText.of("(?:a|bc)+d")).containsExactly(List.of("a", "bc"), List.of("d"));
        assertThat(RequiredText.of("\\p{L}x[a-z]{2}yz")).containsExactly(List.of("x"), List.of("yz"));
    }

    @Test
    void whatMayBeAbsentIsNotRequired() {
        assertThat(RequiredText.of("abc?")).containsExactly(List.of("ab"));
        assertThat(RequiredText.of("abc*d")).containsExactly(List.of("ab"), List.of("d"));
        assertThat(RequiredText.of("abc{0,2}")).containsExactly(List.of("ab"));
        assertThat(RequiredText.of("abc+")).containsExactly(List.of("abc"));
        assertThat(RequiredText.of("水(了)?没")).containsExactly(List.of("水"), List.of("没"));
        assertThat(RequiredText.of("x(ab|cd)*y")).containsExactly(List.of("x"), List.of("y"));
        assertThat(RequiredText.of("x(ab|cd){0,3}y")).containsExactly(List.of("x"), List.of("y"));
        assertThat(RequiredText.of("x(ab|)y")).as("an empty alternative").containsExactly(List.of("x"), List.of("y"));
        assertThat(RequiredText.of("(a(b|c)|d)e")).as("a nested group").containsExactly(List.of("e"));
        assertThat(RequiredText.of("(?=ab)c")).as("a lookahead adds nothing").containsExactly(List.of("c"));
        assertThat(RequiredText.of("好𠀀?的")).as("a supplementary character made optional")
                .containsExactly(List.of("好"), List.of("的"));
    }

    @Test
    void whatIsNotUnderstoodGivesNothing() {
        Stream.of("ab|cd", "(?i)abc", "(?<name>ab)c", "\\x41bc", "\\0101", "(a)\\1", "\\Qa|b\\E", "ab(cd", "[[a-z]&&[^b]]x",
                "\\u0041b").forEach(regex -> assertThat(RequiredText.of(regex)).as(regex).isEmpty());
    }

    /**
     * The promise that matters: a text ruled out never holds a match. Every shipped pattern and keyword, over the
     * shipped texts and 8,000 texts made of the rules' own words, parts of them and separators (so that optional
     * parts are there in some and not in others): wherever the regex finds a match, the quick check let it run.
     */
    @Test
    void theQuickCheckNeverRulesOutATextThatMatches() {
        ClassificationRules rules = ClassificationRules.defaults();
        List<ClassificationRules.Matcher> matchers = everyMatcher(rules);
        List<String> texts = new ArrayList<>();
        Models.shippedSet().forEach(row -> texts.add(TextFeatures.normalize(row.text())));
        UrgencyReading.shippedSet().forEach(row -> texts.add(TextFeatures.normalize(row.text())));
        texts.addAll(fragmentTexts(matchers, 8_000, new Random(7)));

        int matched = 0;
        int ruledOut = 0;
        List<String> wronglyRuledOut = new ArrayList<>();
        for (ClassificationRules.Matcher m : matchers) {
            for (String text : texts) {
                boolean may = m.mayMatch(text);
                ruledOut += may ? 0 : 1;
                if (m.pattern().matcher(text).find()) {
                    matched++;
                    if (!may && wronglyRuledOut.size() < 10) {
                        wronglyRuledOut.add(m.signal() + " in \"" + text + "\"");
                    }
                }
            }
        }
        assertThat(wronglyRuledOut).isEmpty();
        assertThat(matched).as("the texts exercise the patterns").isGreaterThan(20_000);
        assertThat(ruledOut).as("and the check does rule texts out").isGreaterThan(texts.size() * matchers.size() / 2);
        long read = matchers.stream().filter(m -> !m.required().isEmpty()).count();
        assertThat(read).as("nearly every shipped matcher has a quick check").isGreaterThan(matchers.size() * 9 / 10);
    }

    private static List<ClassificationRules.Matcher> everyMatcher(ClassificationRules rules) {
        List<ClassificationRules.Matcher> all = new ArrayList<>();
        ClassificationRules.UrgencyRules u = rules.urgency();
        u.urgent().values().forEach(all::addAll);
        Stream.of(u.ignore(), u.negations(), u.low(), u.problem()).forEach(all::addAll);
        ClassificationRules.SentimentRules s = rules.sentiment();
        Stream.of(s.angry(), s.annoyed(), s.intensifiers(), s.repeated(), s.again(), s.distressed(), s.vulnerable(),
                s.hardship(), s.negations()).forEach(all::addAll);
        ClassificationRules.CustomerTypeRules c = rules.customerType();
        c.wording().values().forEach(all::addAll);
        all.addAll(c.businessImpact());
        all.addAll(rules.categoryMatchers());
        all.addAll(rules.impact());
        return all;
    }

    /** Texts of the rules' literal pieces (whole, or cut short by a character), fillers and separators. */
    private static List<String> fragmentTexts(List<ClassificationRules.Matcher> matchers, int count, Random random) {
        Set<String> pieces = new LinkedHashSet<>();
        for (ClassificationRules.Matcher m : matchers) {
            for (String part : Pattern.compile("[^\\p{L}\\p{N}' -]+").split(m.signal())) {
                if (!part.isBlank()) {
                    pieces.add(part);
                    pieces.add(part.substring(0, part.offsetByCodePoints(part.length(), -1)));
                }
            }
        }
        pieces.remove("");
        List<String> words = new ArrayList<>(pieces);
        List<String> separators = List.of("", "", "", " ", " ", "，", "。", "了", "的", "很", " the ", "!", "s ", "ing ", "7");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int n = 2 + random.nextInt(5);
            for (int k = 0; k < n; k++) {
                text.append(words.get(random.nextInt(words.size())));
                text.append(separators.get(random.nextInt(separators.size())));
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
