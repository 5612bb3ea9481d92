package io.hearken.router.classification;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Trains a {@link LinearTextModel}: TF-IDF features ({@link TfidfVocabulary}), one-vs-rest linear SVM
 * (squared hinge) or logistic regression from LibLinear with balanced class weights
 * ({@code rows / (classes × rows of the class)}, as macro F1 wants), the solver and C chosen by
 * k-fold cross-validation on the training rows (macro F1), and Platt sigmoids fitted on the
 * held-out folds' decision values of the chosen setting (one sigmoid shared by every label).
 */
public final class LinearTrainer {

    public enum Solver {
        SVM(SolverType.L2R_L2LOSS_SVC_DUAL, 0.1), LR(SolverType.L2R_LR, 0.01),
        /** Logistic regression by dual coordinate descent: same model, much faster on long texts. */
        LR_DUAL(SolverType.L2R_LR_DUAL, 0.1);

        final SolverType type;
        final double epsilon;

        Solver(SolverType type, double epsilon) {
            this.type = type;
            this.epsilon = epsilon;
        }
    }

    /** Features and the grid searched; a single solver and C with {@code folds < 2} skips the search. */
    public record Options(int maxCharN, boolean words, List<Solver> solvers, double[] cs, int folds) {
        /**
         * What won on real text (docs/router.md, "Learner comparison"), with the grid cut to what the
         * search chose there (C 0.3–3) and the dual LR solver, to stay within 20 s of CPU for 5,000 texts.
         */
        public static final Options DEFAULT = new Options(2, true, List.of(Solver.SVM, Solver.LR_DUAL),
                new double[] {0.3, 1, 3}, 3);
        /** The grid of the comparison. */
        public static final double[] WIDE_GRID = {0.1, 0.3, 1, 3, 10};
        /** The field's standard baseline: char 1–2-grams, linear SVM, C = 1, no search, no calibration. */
        public static final Options BASELINE = new Options(2, false, List.of(Solver.SVM), new double[] {1}, 0);

        public Options with(int maxCharN, boolean words) {
            return new Options(maxCharN, words, solvers, cs, folds);
        }

        @Override
        public String toString() {
            return "tfidf-" + new TfidfVocabulary.Settings(maxCharN, words) + "-" + solvers + "-C" + Arrays.toString(cs)
                    + "-cv" + folds;
        }
    }

    /** Where training is (for the CLI); one line at a time. */
    public interface Progress {
        Progress NONE = line -> { };

        void report(String line);
    }

    private static final long SEED = 20261206L;
    private static final int MIN_ROWS_PER_FOLD = 2;

    private LinearTrainer() {
    }

    public static TextModel train(List<LabelledText> rows, Options options, Progress progress) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training rows");
        }
        TfidfVocabulary.Settings settings = new TfidfVocabulary.Settings(options.maxCharN(), options.words());
        progress.report("features: " + settings + " of " + rows.size() + " texts");
        List<List<String>> terms = rows.stream().map(r -> TfidfVocabulary.terms(r.text(), settings)).toList();
        TfidfVocabulary vocabulary = TfidfVocabulary.fit(settings, terms);
        Feature[][] x = new Feature[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = vocabulary.vector(terms.get(i));
        }
        String[] labels = rows.stream().map(LabelledText::label).distinct().sorted().toArray(String[]::new);
        double[] y = new double[rows.size()];
        int[] perLabel = new int[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Arrays.binarySearch(labels, rows.get(i).label());
            perLabel[(int) y[i]]++;
        }
        double[] classWeights = new double[labels.length];
        int[] classIds = new int[labels.length];
        for (int c = 0; c < labels.length; c++) {
            classIds[c] = c;
            classWeights[c] = (double) rows.size() / (labels.length * perLabel[c]);
        }
        progress.report(vocabulary.size() + " terms, " + labels.length + " labels");

        int smallest = Arrays.stream(perLabel).min().orElse(0);
        boolean search = options.folds() >= 2 && smallest >= options.folds() * MIN_ROWS_PER_FOLD;
        Solver solver = options.solvers().get(0);
        double c = options.cs()[options.cs().length / 2];
        double[][] heldOut = null;
        if (search) {
            int[] fold = LibLinearFits.folds(y, options.folds(), SEED);
            double best = -1;
            for (Solver s : options.solvers()) {
                for (double candidate : options.cs()) {
                    double[][] decisions = LibLinearFits.crossValidate(x, y, labels.length, fold, options.folds(),
                            LibLinearFits.parameter(s.type, s.epsilon, candidate, classWeights, classIds),
                            vocabulary.size());
                    double f1 = LibLinearFits.macroF1(decisions, y, labels.length);
                    progress.report(String.format(Locale.ROOT, "cross-validation: %s C=%s macro-F1 %.4f", s, candidate, f1));
                    if (f1 > best + 1e-9) {
                        best = f1;
                        solver = s;
                        c = candidate;
                        heldOut = decisions;
                    }
                }
            }
        } else if (options.solvers().size() * options.cs().length > 1) {
            progress.report("too few rows per label for " + options.folds() + "-fold cross-validation: " + solver + " C=" + c
                    + ", uncalibrated");
        }
        float[][] weights = new float[vocabulary.size()][labels.length];
        float[] bias = new float[labels.length];
        LibLinearFits.fit(x, y, labels.length, vocabulary.size(),
                LibLinearFits.parameter(solver.type, solver.epsilon, c, classWeights, classIds), weights, bias);
        Calibration calibration = null;
        if (heldOut != null) {
            calibration = calibrate(heldOut, y, labels.length);
        }
        String description = settings + ", " + solver + " C=" + c + (calibration != null ? ", calibrated" : ", softmax");
        progress.report("model: " + description);
        return new LinearTextModel(vocabulary, labels, weights, bias, calibration, description);
    }

    /** One sigmoid for every label, on the pooled held-out decision values. */
    private static Calibration calibrate(double[][] heldOut, double[] y, int k) {
        double[] f = new double[y.length * k];
        boolean[] right = new boolean[f.length];
        for (int i = 0; i < y.length; i++) {
            for (int c = 0; c < k; c++) {
                f[i * k + c] = heldOut[i][c];
                right[i * k + c] = y[i] == c;
            }
        }
        return Calibration.fit(f, right);
    }
}
