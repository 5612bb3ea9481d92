package io.hearken.router.classification;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Platt scaling, {@code P(label right) = σ(a·decision + c)}: one sigmoid shared by every label (so it
 * keeps the decision values' order; per-label sigmoids put a rare label's prior back in and it is then
 * never on top, which macro F1 punishes), fitted by logistic regression on held-out decision values.
 * Then scaled by the share of the text's words the model saw in training ({@code coverage}): a text of
 * unknown words ("xq zzv") is one it cannot judge, however its decision values fall, and goes to
 * triage. (Fitting the coverage into the sigmoid learns nothing on sets where held-out texts share
 * their words with the rest, such as the shipped template-made one.)
 */
record Calibration(double a, double c) {

    /** Nearly unregularised: three parameters, thousands of points. */
    private static final double C = 100;

    static Calibration fit(double[] decision, boolean[] right) {
        Feature[][] x = new Feature[decision.length][];
        double[] y = new double[decision.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = new Feature[] {new FeatureNode(1, decision[i]), new FeatureNode(2, 1)};
            y[i] = right[i] ? 1 : 0;
        }
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = 2;
        problem.x = x;
        problem.y = y;
        problem.bias = -1;
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, C, 0.001));
        double[] w = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1; // the weights score the first label LibLinear met
        return new Calibration(sign * w[0], sign * w[1]);
    }

    double probability(double decision, double coverage) {
        double z = a * decision + c;
        return coverage * (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
    }
}
