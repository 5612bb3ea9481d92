package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.router.engine.DefaultModel;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The harder check: hold back whole sentence patterns (every fifth template of each category and
 * language), so the test texts share no template with the training texts. The model alone then
 * meets words it has never seen; the rules layer is what carries such texts.
 */
class UnseenTemplatesTest {

    @Test
    void rulesPlusModelClassifyTextsFromPatternsNeverTrainedOn() throws Exception {
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(DefaultModel.trainingSet()), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord row : parser) {
                String template = row.get("template");
                int index = Integer.parseInt(template.substring(template.length() - 2));
                (index % 5 == 0 ? test : train).add(new LabelledText(row.get("text"), row.get("label")));
            }
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
