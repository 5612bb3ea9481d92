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

    @Test
    void aBadPatternNamesTheFileAndEntry() {
        assertThatThrownBy(() -> rules("categories:\n  lift:\n    patterns: ['(unclosed']\n"))
                .hasMessageContaining("office-rules.yml categories.lift").hasMessageContaining("bad pattern");
    }

    @Test
    void aMissingModelFileFallsBackToTheDefaultModel(@TempDir Path dir) {
        TextModel model = DefaultModel.load(dir.resolve("no-such-model.bin"));
        assertThat(model.labels()).contains("facility", "noise", "other");
    }
}
