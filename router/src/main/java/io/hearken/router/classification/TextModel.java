package io.hearken.router.classification;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The statistical layer: a probability per label for a text. Trained by {@link LinearTrainer}
 * (TF-IDF over character n-grams and words, a class-weighted LibLinear model, C by cross-validation,
 * Platt-calibrated probabilities); files of the earlier SGD learner ({@link SgdTextModel}) still load.
 */
public interface TextModel {

    /** Bumped with any change of features or training, so a cached default model is re-trained. */
    String VERSION = LinearTextModel.FORMAT + "+" + LinearTrainer.Options.DEFAULT;

    /** A label and its probability. */
    record Scored(String label, double probability) {
    }

    /** Every label of the model with its probability, best first. */
    List<Scored> predict(String text);

    Set<String> labels();

    void save(Path file);

    /** The model to use for one whole classification (a reloading holder answers the one in service now). */
    default TextModel inService() {
        return this;
    }

    /** Which model file this is (a hash), for the reasons; null when not from a watched file. */
    default String identity() {
        return null;
    }

    static TextModel train(List<LabelledText> rows) {
        return LinearTrainer.train(rows, LinearTrainer.Options.DEFAULT, LinearTrainer.Progress.NONE);
    }

    static TextModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException("cannot read model " + file + ": no such file", new IOException(file.toString()));
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads either format: the linear model's header, else Tribuo's. */
    static TextModel load(InputStream in, String name) {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
        return LinearTextModel.isOne(buffered) ? LinearTextModel.read(buffered, name) : SgdTextModel.load(buffered, name);
    }
}
