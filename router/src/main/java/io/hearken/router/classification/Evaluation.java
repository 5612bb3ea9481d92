package io.hearken.router.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Accuracy, macro F1, per-class precision/recall and the confusion matrix of a model on a labelled set. */
public record Evaluation(int total, double accuracy, double macroF1, List<ClassScore> classes,
        List<String> labels, long[][] confusion) {

    public record ClassScore(String label, int support, double precision, double recall, double f1) {
    }

    public static Evaluation of(TextModel model, List<LabelledText> rows) {
        List<String> predicted = new ArrayList<>(rows.size());
        for (LabelledText row : rows) {
            predicted.add(model.predict(row.text()).get(0).label());
        }
        return of(rows.stream().map(LabelledText::label).toList(), predicted);
    }

    /** Macro F1 averages over every label that occurs in the truth or the predictions. */
    public static Evaluation of(List<String> truth, List<String> predicted) {
        TreeSet<String> all = new TreeSet<>(truth);
        all.addAll(predicted);
        List<String> labels = new ArrayList<>(all);
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        long[][] confusion = new long[labels.size()][labels.size()];
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            confusion[index.get(truth.get(i))][index.get(predicted.get(i))]++;
            if (truth.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        List<ClassScore> classes = new ArrayList<>();
        double f1Sum = 0;
        for (int c = 0; c < labels.size(); c++) {
            long tp = confusion[c][c];
            long actual = 0;
            long guessed = 0;
            for (int o = 0; o < labels.size(); o++) {
                actual += confusion[c][o];
                guessed += confusion[o][c];
            }
            double precision = guessed == 0 ? 0 : (double) tp / guessed;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            classes.add(new ClassScore(labels.get(c), (int) actual, precision, recall, f1));
        }
        double accuracy = truth.isEmpty() ? 0 : (double) correct / truth.size();
        return new Evaluation(truth.size(), accuracy, labels.isEmpty() ? 0 : f1Sum / labels.size(), classes, labels,
                confusion);
    }

    /** The report the {@code evaluate} command prints. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append("accuracy=").append(fmt(accuracy)).append('\n');
        out.append("macro_f1=").append(fmt(macroF1)).append('\n');
        out.append('\n').append(String.format(Locale.ROOT, "%-20s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support"));
        for (ClassScore c : classes) {
            out.append(String.format(Locale.ROOT, "%-20s %9s %9s %9s %8d%n", c.label(), fmt(c.precision()),
                    fmt(c.recall()), fmt(c.f1()), c.support()));
        }
        out.append("\nconfusion matrix (rows: true label, columns: predicted)\n");
        out.append(String.format(Locale.ROOT, "%-20s", ""));
        for (int c = 0; c < labels.size(); c++) {
            out.append(String.format(Locale.ROOT, " %6s", "[" + c + "]"));
        }
        out.append('\n');
        for (int r = 0; r < labels.size(); r++) {
            out.append(String.format(Locale.ROOT, "%-20s", "[" + r + "] " + labels.get(r)));
            for (int c = 0; c < labels.size(); c++) {
                out.append(String.format(Locale.ROOT, " %6d", confusion[r][c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
