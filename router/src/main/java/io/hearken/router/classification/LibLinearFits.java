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
import java.util.Random;
import java.util.TreeMap;

/**
 * LibLinear as {@link LinearTrainer} uses it: one fit into weights per label in our label order, and the held-out
 * decision values of a stratified k-fold cross-validation with their macro F1.
 */
final class LibLinearFits {

    static {
        Linear.disableDebugOutput();
    }

    private LibLinearFits() {
    }

    /** Trains on {@code x, y} ({@code k} labels, {@code n} features) and fills {@code weights} and {@code bias}. */
    static void fit(Feature[][] x, double[] y, int k, int n, Parameter p, float[][] weights, float[] bias) {
        copyWeights(Linear.train(problem(x, y, n), p), k, n, weights, bias);
    }

    static Parameter parameter(SolverType type, double epsilon, double c, double[] weights, int[] ids) {
        Parameter p = new Parameter(type, c, epsilon);
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
    static double[][] crossValidate(Feature[][] x, double[] y, int k, int[] fold, int folds, Parameter p, int n) {
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
            float[][] w = new float[n][k];
            float[] b = new float[k];
            fit(tx, ty, k, n, p, w, b);
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
    static int[] folds(double[] y, int folds, long seed) {
        Random random = new Random(seed);
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
