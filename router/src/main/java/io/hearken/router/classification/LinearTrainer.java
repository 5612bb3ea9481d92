package io.hearken.router.classification;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;

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

    static {
        Linear.disableDebugOutput();
    }

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
            int[] fold = folds(y, labels.length, options.folds());
            double best = -1;
            for (Solver s : options.solvers()) {
                for (double candidate : options.cs()) {
                    double[][] decisions = crossValidate(x, y, labels.length, fold, options.folds(),
                            parameter(s, candidate, classWeights, classIds), vocabulary.size());
                    double f1 = macroF1(decisions, y, labels.length);
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
        Model model = Linear.train(problem(x, y, vocabulary.size()), parameter(solver, c, classWeights, classIds));
        float[][] weights = new float[vocabulary.size()][labels.length];
        float[] bias = new float[labels.length];
        copyWeights(model, labels.length, vocabulary.size(), weights, bias);
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

    private static Parameter parameter(Solver solver, double c, double[] weights, int[] ids) {
        Parameter p = new Parameter(solver.type, c, solver.epsilon);
        p.setWeights(weights, ids);
        return p;
    }

    private static Problem problem(Feature[][] x, double[] y, int features) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = features + 1;
        problem.x = withBias(x, features);
        problem.y = y;
        problem.bias = 1;
        return problem;
    }

    /** LibLinear wants the bias as an explicit last feature of every row. */
    private static Feature[][] withBias(Feature[][] x, int features) {
        Feature[][] out = new Feature[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = Arrays.copyOf(x[i], x[i].length + 1);
            out[i][x[i].length] = new de.bwaldvogel.liblinear.FeatureNode(features + 1, 1);
        }
        return out;
    }

    /** Weights per label in our label order (LibLinear orders labels as it meets them; two labels share one vector). */
    private static void copyWeights(Model model, int k, int n, float[][] weights, float[] bias) {
        double[] w = model.getFeatureWeights();
        int[] order = model.getLabels();
        int vectors = k == 2 ? 1 : k;
        for (int v = 0; v < vectors; v++) {
            int label = order[v];
            for (int t = 0; t < n; t++) {
                weights[t][label] = (float) w[t * vectors + v];
            }
            bias[label] = (float) w[n * vectors + v];
        }
        if (k == 2) {
            int other = order[1];
            for (int t = 0; t < n; t++) {
                weights[t][other] = -weights[t][order[0]];
            }
            bias[other] = -bias[order[0]];
        }
    }

    /** Held-out decision values of every row, in our label order. */
    private static double[][] crossValidate(Feature[][] x, double[] y, int k, int[] fold, int folds, Parameter p, int n) {
        double[][] out = new double[y.length][];
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (fold[i] != f) {
                    train.add(i);
                }
            }
            Feature[][] tx = new Feature[train.size()][];
            double[] ty = new double[train.size()];
            for (int j = 0; j < tx.length; j++) {
                tx[j] = x[train.get(j)];
                ty[j] = y[train.get(j)];
            }
            Model m = Linear.train(problem(tx, ty, n), p);
            float[][] w = new float[n][k];
            float[] b = new float[k];
            copyWeights(m, k, n, w, b);
            LinearTextModel scorer = new LinearTextModel(null, new String[k], w, b, null, "");
            for (int i = 0; i < y.length; i++) {
                if (fold[i] == f) {
                    out[i] = scorer.decisions(x[i]);
                }
            }
        }
        return out;
    }

    /** Stratified folds: each label's rows, shuffled with a fixed seed, dealt round-robin. */
    private static int[] folds(double[] y, int k, int folds) {
        Random random = new Random(SEED);
        int[] fold = new int[y.length];
        TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < y.length; i++) {
            byLabel.computeIfAbsent((int) y[i], l -> new ArrayList<>()).add(i);
        }
        int next = 0;
        for (List<Integer> members : byLabel.values()) {
            java.util.Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next++ % folds;
            }
        }
        return fold;
    }

    static double macroF1(double[][] decisions, double[] y, int k) {
        List<String> truth = new ArrayList<>(y.length);
        List<String> predicted = new ArrayList<>(y.length);
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                best = decisions[i][c] > decisions[i][best] ? c : best;
            }
            truth.add(String.valueOf((int) y[i]));
            predicted.add(String.valueOf(best));
        }
        return Evaluation.of(truth, predicted).macroF1();
    }
}
