package io.hearken.router.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.dataset.MinimumCardinalityDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The learner shipped before the TF-IDF + LibLinear one (kept to read older model files and as the
 * comparison's reference): a multinomial logistic regression over {@link TextFeatures}, learnt by
 * Tribuo's SGD trainer (AdaGrad). Any label set works; the file format is Tribuo's protobuf model.
 * Made for an office's real history, which is imbalanced and noisy: every class weighs the same in
 * training (example weights inverse to the class's size, so a rare class is still predicted and the
 * macro F1 holds up). Measured on imbalanced, noisy sets (ImbalancedNoisyHistoryTest): balancing
 * adds about 0.05 macro F1; dropping features seen once and a higher learning rate did not help.
 */
public final class SgdTextModel implements TextModel {

    private static final LabelFactory LABELS = new LabelFactory();
    /** Bumped with any change of features or training, so a cached default model is re-trained. */
    static final String VERSION = TextFeatures.VERSION + "+balanced-adagrad-e30k-steps-prune2from4000";
    /** From this many training rows on, n-grams seen in a single text are left out. */
    static final int PRUNE_FROM_ROWS = 4_000;
    /** Passes over the data: more fit noisy labels by heart (measured: 5 to 30 score alike on clean sets). */
    private static final int EPOCHS = 10;
    /** A large history needs fewer passes (each pass is more SGD steps): about 30,000 steps, 4 to 10 passes. */
    static int epochs(int rows) {
        return Math.max(4, Math.min(EPOCHS, Math.round(30_000f / rows)));
    }
    private static final double LEARNING_RATE = 0.5;
    /** Cap on a rare class's weight, so a handful of (perhaps mislabelled) rows cannot dominate. */
    private static final double MAX_CLASS_WEIGHT = 20;
    private static final long SEED = 20261123L;

    // Tribuo logs every 1,000 SGD steps through java.util.logging; keep the logger (a weak reference otherwise).
    private static final java.util.logging.Logger TRIBUO_LOG = quiet();

    private final Model<Label> model;

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.tribuo");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private SgdTextModel(Model<Label> model) {
        this.model = model;
    }

    public static SgdTextModel train(List<LabelledText> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training rows");
        }
        Map<String, Integer> perLabel = new HashMap<>();
        rows.forEach(r -> perLabel.merge(r.label(), 1, Integer::sum));
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("labelled-texts " + VERSION, LABELS), LABELS);
        for (LabelledText row : rows) {
            double weight = Math.min(MAX_CLASS_WEIGHT, (double) rows.size() / (perLabel.size() * perLabel.get(row.label())));
            Example<Label> example = example(new Label(row.label()), row.text());
            example.setWeight((float) weight);
            dataset.add(example);
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1), epochs(rows.size()),
                Integer.MAX_VALUE, 1, SEED);
        // A large history of long texts has hundreds of thousands of n-grams, most seen in one text only: they
        // cannot generalise, yet they set the weight matrix's size, the training time and the model file's size
        // (measured on 5,000 texts of ~270 characters: 469k → 149k features, 68 → 46 s, 173 → 60 MB, macro-F1
        // within 0.003). A small history keeps them all: there a rare n-gram is often the only clue.
        Dataset<Label> training = rows.size() >= PRUNE_FROM_ROWS
                ? new MinimumCardinalityDataset<>(dataset, 2) : dataset;
        return new SgdTextModel(trainer.train(training));
    }

    public static SgdTextModel load(Path file) {
        try {
            return checked(Model.deserializeFromFile(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
        }
    }

    public static SgdTextModel load(InputStream in, String name) {
        try {
            return checked(Model.deserializeFromStream(in), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + name + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static SgdTextModel checked(Model<?> model, String name) {
        if (!model.validate(Label.class)) {
            throw new IllegalArgumentException(name + " is not a classification model");
        }
        return new SgdTextModel((Model<Label>) model);
    }

    @Override
    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            model.serializeToFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every label of the model with its probability, best first. */
    @Override
    public List<Scored> predict(String text) {
        Prediction<Label> prediction = model.predict(example(LabelFactory.UNKNOWN_LABEL, text));
        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<String, Label> e : prediction.getOutputScores().entrySet()) {
            scored.add(new Scored(e.getKey(), e.getValue().getScore()));
        }
        scored.sort(Comparator.comparingDouble(Scored::probability).reversed().thenComparing(Scored::label));
        return scored;
    }

    @Override
    public String toString() {
        return "Tribuo SGD " + VERSION;
    }

    @Override
    public Set<String> labels() {
        Set<String> labels = new TreeSet<>();
        model.getOutputIDInfo().getDomain().forEach(l -> labels.add(l.getLabel()));
        return labels;
    }

    private static Example<Label> example(Label label, String text) {
        Map<String, Double> features = TextFeatures.of(text);
        if (features.isEmpty()) {
            features = Map.of("w:<empty>", 1.0);
        }
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : features.entrySet()) {
            names[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new ArrayExample<>(label, names, values);
    }
}
