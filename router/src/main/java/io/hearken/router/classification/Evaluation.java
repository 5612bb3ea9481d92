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
        int width = 20;
        for (int c = 0; c < labels.size(); c++) {
            width = Math.max(width, displayWidth("[" + c + "] " + labels.get(c)) + 1);
        }
        StringBuilder out = new StringBuilder();
        out.append("accuracy=").append(fmt(accuracy)).append('\n');
        out.append("macro_f1=").append(fmt(macroF1)).append('\n');
        out.append('\n').append(pad("class", width))
                .append(String.format(Locale.ROOT, " %9s %9s %9s %8s%n", "precision", "recall", "f1", "support"));
        for (ClassScore c : classes) {
            out.append(pad(c.label(), width)).append(String.format(Locale.ROOT, " %9s %9s %9s %8d%n", fmt(c.precision()),
                    fmt(c.recall()), fmt(c.f1()), c.support()));
        }
        out.append("\nconfusion matrix (rows: true label, columns: predicted)\n");
        out.append(pad("", width));
        for (int c = 0; c < labels.size(); c++) {
            out.append(String.format(Locale.ROOT, " %6s", "[" + c + "]"));
        }
        out.append('\n');
        for (int r = 0; r < labels.size(); r++) {
            out.append(pad("[" + r + "] " + labels.get(r), width));
            for (int c = 0; c < labels.size(); c++) {
                out.append(String.format(Locale.ROOT, " %6d", confusion[r][c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Two models on the same test set ({@code evaluate --against}): accuracy, macro F1 and each label's F1 side by
     * side, with this model's difference (+: this one is better), then a one-line verdict on macro F1.
     */
    public String sideBySide(String name, Evaluation other, String otherName) {
        TreeSet<String> all = new TreeSet<>(labels);
        all.addAll(other.labels);
        int width = 20;
        for (String label : all) {
            width = Math.max(width, displayWidth(label) + 1);
        }
        int column = Math.max(12, Math.max(displayWidth(name), displayWidth(otherName)) + 1);
        StringBuilder out = new StringBuilder();
        out.append(pad("", width)).append(cell(name, column)).append(cell(otherName, column)).append(cell("difference", 12))
                .append(String.format(Locale.ROOT, " %8s%n", "support"));
        out.append(row("accuracy", width, column, accuracy, other.accuracy)).append(String.format(Locale.ROOT, " %8d%n", total));
        out.append(row("macro_f1", width, column, macroF1, other.macroF1)).append('\n');
        out.append("\nf1 per class\n");
        Map<String, ClassScore> mine = new TreeMap<>();
        classes.forEach(c -> mine.put(c.label(), c));
        Map<String, ClassScore> theirs = new TreeMap<>();
        other.classes.forEach(c -> theirs.put(c.label(), c));
        for (String label : all) {
            ClassScore a = mine.get(label);
            ClassScore b = theirs.get(label);
            out.append(row(label, width, column, a == null ? 0 : a.f1(), b == null ? 0 : b.f1()))
                    .append(String.format(Locale.ROOT, " %8d%n", a != null ? a.support() : b.support()));
        }
        double gain = macroF1 - other.macroF1;
        out.append('\n').append(String.format(Locale.ROOT, "macro_f1_difference=%+.4f%n", gain));
        out.append(gain > 0 ? name + " is better than " + otherName
                : gain < 0 ? name + " is worse than " + otherName : name + " and " + otherName + " score the same")
                .append(" on this test set (").append(total).append(" texts)\n");
        return out.toString();
    }

    private static String row(String label, int width, int column, double a, double b) {
        return pad(label, width) + cell(fmt(a), column) + cell(fmt(b), column)
                + cell(String.format(Locale.ROOT, "%+.4f", a - b), 12);
    }

    private static String cell(String s, int width) {
        return " ".repeat(Math.max(1, width - displayWidth(s))) + s;
    }

    /** Pads to a column width as a terminal shows it: Chinese characters take two cells. */
    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - displayWidth(s)));
    }

    private static int displayWidth(String s) {
        return s.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
