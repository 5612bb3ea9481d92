package io.hearken.router.engine;

import io.hearken.router.classification.LabelledCsv;
import io.hearken.router.classification.LabelledText;
import io.hearken.router.classification.ModelCache;
import io.hearken.router.classification.TextModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model the router uses: the configured file, or else the default one, trained from the shipped
 * labelled set (a few seconds) and cached in the temp folder ({@link ModelCache}: under a hash of the set and the
 * trainer), so later starts only load it.
 */
public final class DefaultModel {

    public static final String TRAINING_SET = "/io/hearken/router/model/complaints-labelled.csv";
    private static final Logger log = LoggerFactory.getLogger(DefaultModel.class);

    private DefaultModel() {
    }

    public static TextModel load(Path configured) {
        if (configured != null) {
            if (Files.isRegularFile(configured)) {
                log.info("Router model: {}", configured);
                return TextModel.load(configured);
            }
            log.warn("hearken.router.model={} does not exist; using the default model", configured);
        }
        byte[] set = trainingSet();
        return ModelCache.loadOrTrain("hearken-router-model", () -> {
            List<LabelledText> rows = LabelledCsv.read(new java.io.ByteArrayInputStream(set), "classpath:" + TRAINING_SET);
            return TextModel.train(rows);
        }, set);
    }

    public static byte[] trainingSet() {
        try (InputStream in = DefaultModel.class.getResourceAsStream(TRAINING_SET)) {
            if (in == null) {
                throw new IllegalStateException("the shipped training set " + TRAINING_SET + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
