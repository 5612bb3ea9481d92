package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.router.engine.DefaultModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {

    private static ClassificationRules rules(String yaml) {
        return ClassificationRules.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "office-rules.yml");
    }

    @Test
    void anOfficeFileWithKeywordsPatternsAndFullWidthText() {
        ClassificationRules r = rules("""
                categories:
                  lift: [电梯, elevator]
                  heat:
                    patterns: ['radiators? (is|are) cold']
                urgency:
                  urgent: [困人, trapped]
                impact: [全楼]
                """);
        assertThat(r.categoryHits("ＥＬＥＶＡＴＯＲ broken")).extracting(ClassificationRules.Hit::target).containsExactly("lift");
        assertThat(r.categoryHits("The radiators are cold")).extracting(ClassificationRules.Hit::target).containsExactly("heat");
        assertThat(r.categoryHits("elevators")).as("Latin keywords match whole words").isEmpty();
        assertThat(r.urgentSignals("电梯困人了")).containsExactly("困人");
        assertThat(r.impactSignals("全楼停电")).containsExactly("全楼");
        assertThat(r.lowSignals("anything")).isEmpty();
    }

    /** Management hears of words that say many are hit, not of words that say many say so (issue #17). */
    @Test
    void theShippedImpactWordsSayManyAreAffectedNotThatManySaySo() {
        ClassificationRules r = ClassificationRules.defaults();
        assertThat(r.impactSignals("7号楼全楼停电了")).containsExactly("全楼");
        assertThat(r.impactSignals("小区多户停水两天了")).containsExactly("多户");
        assertThat(r.impactSignals("Many residents have no hot water since Monday")).containsExactly("many residents");
        assertThat(r.impactSignals("Water is off for every flat in block C")).containsExactly("every flat");
        assertThat(r.impactSignals("大家都反映9号楼门岗保安态度很差")).isEmpty();
        assertThat(r.impactSignals("多户反映保安态度差")).isEmpty();
        assertThat(r.impactSignals("邻居们都在投诉楼道灯不亮")).isEmpty();
        assertThat(r.impactSignals("Many residents have complained that the concierge is rude")).isEmpty();
        assertThat(r.impactSignals("Lots of residents say the gym closes too early")).isEmpty();
        assertThat(r.impactSignals("Everyone says the lift is slow")).isEmpty();
    }

    @Test
    void aBadPatternNamesTheFileAndEntry() {
        assertThatThrownBy(() -> rules("categories:\n  lift:\n    patterns: ['(unclosed']\n"))
                .hasMessageStartingWith("office-rules.yml line ").hasMessageContaining("'categories.lift': bad pattern (unclosed");
    }

    @Test
    void aMissingModelFileFallsBackToTheDefaultModel(@TempDir Path dir) {
        TextModel model = DefaultModel.load(dir.resolve("no-such-model.bin"));
        assertThat(model.labels()).contains("facility", "noise", "other");
    }
}
