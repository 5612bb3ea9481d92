package io.hearken.router.classification;

import de.bwaldvogel.liblinear.Feature;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear model over {@link TfidfVocabulary} features: one weight vector and bias per label
 * (one-vs-rest), and a Platt sigmoid fitted on held-out decision values, so a label's probability is
 * its calibrated chance of being right and can be compared with the triage threshold. Without calibration (too few rows for
 * cross-validation) the decision values go through a softmax. Needs no LibLinear at prediction time.
 */
final class LinearTextModel implements TextModel {

    static final String FORMAT = "hearken-linear-3";
    private static final byte[] MAGIC = FORMAT.getBytes(StandardCharsets.US_ASCII);

    private final TfidfVocabulary vocabulary;
    private final String[] labels;
    /** weights[term][label]; the bias per label is separate. */
    private final float[][] weights;
    private final float[] bias;
    /** Null for a softmax. */
    private final Calibration calibration;
    private final String description;

    LinearTextModel(TfidfVocabulary vocabulary, String[] labels, float[][] weights, float[] bias, Calibration calibration,
            String description) {
        this.vocabulary = vocabulary;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
        this.calibration = calibration;
        this.description = description;
    }

    /** One decision value per label (in {@link #labels} order). */
    double[] decisions(Feature[] x) {
        double[] d = new double[labels.length];
        for (int c = 0; c < labels.length; c++) {
            d[c] = bias[c];
        }
        for (Feature f : x) {
            float[] w = weights[f.getIndex() - 1];
            double v = f.getValue();
            for (int c = 0; c < labels.length; c++) {
                d[c] += w[c] * v;
            }
        }
        return d;
    }

    @Override
    public List<Scored> predict(String text) {
        List<String> terms = vocabulary.terms(text);
        double[] d = decisions(vocabulary.vector(terms));
        double[] p = new double[d.length];
        double sum = 0;
        if (calibration != null) {
            // Each label's own calibrated chance of being right; scaled down only if they add up to more than 1.
            double coverage = vocabulary.coverage(terms);
            for (int c = 0; c < d.length; c++) {
                p[c] = calibration.probability(d[c], coverage);
                sum += p[c];
            }
            sum = Math.max(1, sum);
        } else {
            double max = Arrays.stream(d).max().orElse(0);
            for (int c = 0; c < d.length; c++) {
                p[c] = Math.exp(d[c] - max);
                sum += p[c];
            }
        }
        List<Scored> scored = new ArrayList<>(d.length);
        for (int c = 0; c < d.length; c++) {
            scored.add(new Scored(labels[c], sum > 0 ? p[c] / sum : 1.0 / d.length));
        }
        scored.sort(Comparator.comparingDouble(Scored::probability).reversed().thenComparing(Scored::label));
        return scored;
    }

    @Override
    public Set<String> labels() {
        return new TreeSet<>(Arrays.asList(labels));
    }

    /** Features, learner and the C chosen. */
    @Override
    public String toString() {
        return description;
    }

    @Override
    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream raw = Files.newOutputStream(file)) {
                raw.write(MAGIC);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw), 1 << 16));
                out.writeUTF(description);
                out.writeInt(vocabulary.settings().maxCharN());
                out.writeBoolean(vocabulary.settings().words());
                out.writeInt(labels.length);
                for (String label : labels) {
                    out.writeUTF(label);
                }
                out.writeBoolean(calibration != null);
                if (calibration != null) {
                    out.writeDouble(calibration.a());
                    out.writeDouble(calibration.c());
                }
                for (int c = 0; c < labels.length; c++) {
                    out.writeFloat(bias[c]);
                }
                out.writeInt(vocabulary.size());
                for (int t = 0; t < vocabulary.size(); t++) {
                    out.writeUTF(vocabulary.term(t));
                    out.writeFloat(vocabulary.idf(t));
                    for (float w : weights[t]) {
                        out.writeFloat(w);
                    }
                }
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + file + ": " + e.getMessage(), e);
        }
    }

    /** Peeks at the header (the stream must support mark/reset). */
    static boolean isOne(InputStream in) {
        try {
            in.mark(MAGIC.length);
            byte[] head = in.readNBytes(MAGIC.length);
            in.reset();
            return Arrays.equals(head, MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LinearTextModel read(InputStream raw, String name) {
        try {
            raw.readNBytes(MAGIC.length);
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
            String description = in.readUTF();
            TfidfVocabulary.Settings settings = new TfidfVocabulary.Settings(in.readInt(), in.readBoolean());
            String[] labels = new String[in.readInt()];
            for (int c = 0; c < labels.length; c++) {
                labels[c] = in.readUTF();
            }
            Calibration calibration = in.readBoolean() ? new Calibration(in.readDouble(), in.readDouble()) : null;
            float[] bias = new float[labels.length];
            for (int c = 0; c < labels.length; c++) {
                bias[c] = in.readFloat();
            }
            int n = in.readInt();
            String[] terms = new String[n];
            float[] idf = new float[n];
            float[][] weights = new float[n][labels.length];
            for (int t = 0; t < n; t++) {
                terms[t] = in.readUTF();
                idf[t] = in.readFloat();
                for (int c = 0; c < labels.length; c++) {
                    weights[t][c] = in.readFloat();
                }
            }
            return new LinearTextModel(new TfidfVocabulary(settings, terms, idf), labels, weights, bias, calibration,
                    description);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("cannot read model " + name + ": " + e.getMessage(), new IOException(e));
        }
    }
}
