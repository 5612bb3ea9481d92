package io.hearken.router.classification;

import io.hearken.router.engine.DefaultModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The default model, trained once per test JVM (and cached in the temp folder across runs). */
public final class Models {

    private static TextModel model;

    private Models() {
    }

    public static synchronized TextModel defaultModel() {
        if (model == null) {
            model = DefaultModel.load(null);
        }
        return model;
    }

    public static Classifier defaultClassifier() {
        return new Classifier(defaultModel(), ClassificationRules.defaults(), 0.45, "other");
    }

    /** A row of the shipped labelled set with the number of the sentence pattern it was made from. */
    public record TemplatedRow(String text, String label, int template) {

        /** Every fifth pattern of each category and language is held back from training. */
        public boolean heldBack() {
            return template % 5 == 0;
        }
    }

    /** The shipped labelled set, with its {@code template} column (provenance in router/data/). */
    public static List<TemplatedRow> shippedSet() {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<TemplatedRow> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(DefaultModel.trainingSet()), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord row : parser) {
                String template = row.get("template");
                rows.add(new TemplatedRow(row.get("text"), row.get("label"),
                        Integer.parseInt(template.substring(template.length() - 2))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
