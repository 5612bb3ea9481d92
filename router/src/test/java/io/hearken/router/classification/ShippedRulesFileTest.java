package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The shipped rules file, read a second way (as a plain YAML tree, no records): every keyword and pattern is in the
 * rules, in its section and the file's order. Guards the binding to records (issue #19) against a dropped section.
 */
class ShippedRulesFileTest {

    private final ClassificationRules rules = ClassificationRules.defaults();
    private final JsonNode file = tree();

    private static JsonNode tree() {
        try (InputStream in = ClassificationRules.class.getResourceAsStream(ClassificationRules.SHIPPED)) {
            return new YAMLMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the rules should hold for one entry of the file: normalised keywords, then patterns as written. */
    private static List<String> signals(JsonNode words) {
        List<String> out = new ArrayList<>();
        for (JsonNode k : words.isArray() ? words : words.path("keywords")) {
            String word = TextFeatures.normalize(k.asString()).strip();
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        words.path("patterns").forEach(p -> out.add(p.asString()));
        return out;
    }

    private static List<String> loaded(List<ClassificationRules.Matcher> matchers) {
        return matchers.stream().map(ClassificationRules.Matcher::signal).toList();
    }

    @Test
    void everyCategoryKeywordIsLoadedForItsCategory() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> category : file.path("categories").properties()) {
            names.add(category.getKey());
            for (String signal : signals(category.getValue())) {
                assertThat(rules.categoryHits(signal)).as(signal)
                        .contains(new ClassificationRules.Hit(category.getKey(), signal));
            }
        }
        assertThat(rules.categories()).containsExactlyElementsOf(names);
    }

    @Test
    void everyUrgencySentimentAndCustomerTypeEntryIsLoadedInOrder() {
        List<String> situations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> situation : file.at("/urgency/urgent").properties()) {
            situations.add(situation.getKey());
            assertThat(loaded(rules.urgency().urgent().get(situation.getKey()))).containsExactlyElementsOf(signals(situation.getValue()));
        }
        assertThat(rules.urgency().urgent().keySet()).containsExactlyElementsOf(situations);
        assertThat(loaded(rules.urgency().ignore())).containsExactlyElementsOf(signals(file.at("/urgency/ignore")));
        assertThat(loaded(rules.urgency().negations())).containsExactlyElementsOf(signals(file.at("/urgency/negations")));
        assertThat(loaded(rules.urgency().low())).containsExactlyElementsOf(signals(file.at("/urgency/low")));
        assertThat(loaded(rules.urgency().problem())).containsExactlyElementsOf(signals(file.at("/urgency/problem")));

        ClassificationRules.SentimentRules s = rules.sentiment();
        assertThat(loaded(s.angry())).containsExactlyElementsOf(signals(file.at("/sentiment/angry")));
        assertThat(loaded(s.annoyed())).containsExactlyElementsOf(signals(file.at("/sentiment/annoyed")));
        assertThat(loaded(s.intensifiers())).containsExactlyElementsOf(signals(file.at("/sentiment/intensifiers")));
        assertThat(loaded(s.repeated())).containsExactlyElementsOf(signals(file.at("/sentiment/repeated")));
        assertThat(loaded(s.again())).containsExactlyElementsOf(signals(file.at("/sentiment/again")));
        assertThat(loaded(s.distressed())).containsExactlyElementsOf(signals(file.at("/sentiment/distressed")));
        assertThat(loaded(s.vulnerable())).containsExactlyElementsOf(signals(file.at("/sentiment/vulnerable")));
        assertThat(loaded(s.hardship())).containsExactlyElementsOf(signals(file.at("/sentiment/hardship")));
        assertThat(loaded(s.negations())).containsExactlyElementsOf(signals(file.at("/sentiment/negations")));

        // The first customer type whose wording matches wins: the file's order is the meaning.
        List<String> types = new ArrayList<>();
        for (Map.Entry<String, JsonNode> type : file.at("/customer-type/wording").properties()) {
            types.add(type.getKey().toUpperCase(Locale.ROOT));
        }
        assertThat(rules.customerType().wording().keySet()).map(Enum::name).containsExactlyElementsOf(types);
        assertThat(loaded(rules.customerType().businessImpact()))
                .containsExactlyElementsOf(signals(file.at("/customer-type/business-impact")));
    }
}
