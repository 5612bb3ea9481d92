package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.router.engine.DefaultModel;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Re-trains the default model from the shipped set and checks it on a held-back fifth. */
class ModelQualityTest {

    @Test
    void theShippedSetTrainsAModelThatGeneralisesToHeldBackTexts() {
        List<LabelledText> rows = new ArrayList<>(LabelledCsv.read(new ByteArrayInputStream(DefaultModel.trainingSet()), "shipped"));
        assertThat(rows).hasSizeGreaterThan(4000);
        assertThat(rows.stream().map(LabelledText::label).distinct())
                .containsExactlyInAnyOrder("facility", "service", "environment", "safety", "fees", "noise", "pests", "parking", "other");
        Collections.shuffle(rows, new Random(7));
        int cut = rows.size() * 4 / 5;
        TextModel model = TextModel.train(rows.subList(0, cut));
        Evaluation evaluation = Evaluation.of(model, rows.subList(cut, rows.size()));
        assertThat(evaluation.macroF1()).as(evaluation.report()).isGreaterThan(0.9);
        assertThat(evaluation.accuracy()).isGreaterThan(0.9);
        assertThat(evaluation.classes()).allSatisfy(c -> assertThat(c.recall()).isGreaterThan(0.8));
    }
}
