package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harder check: hold back whole sentence patterns (every fifth template of each category and
 * language), so the test texts share no template with the training texts. The model alone then
 * meets words it has never seen; the rules layer is what carries such texts.
 */
class UnseenTemplatesTest {

    @Test
    void rulesPlusModelClassifyTextsFromPatternsNeverTrainedOn() {
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        for (Models.TemplatedRow row : Models.shippedSet()) {
            (row.heldBack() ? test : train).add(new LabelledText(row.text(), row.label()));
        }
        TextModel model = TextModel.train(train);
        Evaluation modelAlone = Evaluation.of(model, test);
        Classifier classifier = new Classifier(model, ClassificationRules.defaults(), 0.45, "other");
        Evaluation combined = Evaluation.of(test.stream().map(LabelledText::label).toList(),
                test.stream().map(t -> classifier.classify(t.text(), null).category()).toList());
        System.out.println("unseen templates, model alone:\n" + modelAlone.report());
        System.out.println("unseen templates, rules + model:\n" + combined.report());

        assertThat(combined.macroF1()).as(combined.report()).isGreaterThan(modelAlone.macroF1());
        assertThat(combined.macroF1()).as(combined.report()).isGreaterThan(0.7);
    }
}
