package io.hearken.router.classification;

/**
 * Platt scaling: {@code P(y | f) = 1 / (1 + exp(A f + B))} fitted to held-out decision values by
 * Newton's method with backtracking, on Platt's smoothed targets (Lin, Lin and Weng, "A note on
 * Platt's probabilistic outputs for support vector machines", 2007).
 */
final class Platt {

    private Platt() {
    }

    /** Returns {A, B}. */
    static double[] fit(double[] decision, boolean[] positive) {
        int prior1 = 0;
        for (boolean p : positive) {
            prior1 += p ? 1 : 0;
        }
        int prior0 = positive.length - prior1;
        double hi = (prior1 + 1.0) / (prior1 + 2.0);
        double lo = 1.0 / (prior0 + 2.0);
        double[] t = new double[decision.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = positive[i] ? hi : lo;
        }
        double a = 0;
        double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
        double sigma = 1e-12;
        double fval = objective(decision, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double h11 = sigma;
            double h22 = sigma;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < t.length; i++) {
                double fApB = decision[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += decision[i] * decision[i] * d2;
                h22 += d2;
                h21 += decision[i] * d2;
                double d1 = t[i] - p;
                g1 += decision[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= 1e-10) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newF = objective(decision, t, newA, newB);
                if (newF < fval + 1e-4 * step * gd) {
                    a = newA;
                    b = newB;
                    fval = newF;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
        }
        return new double[] {a, b};
    }

    static double probability(double decision, double a, double b) {
        double fApB = decision * a + b;
        return fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1 + Math.exp(fApB));
    }

    private static double objective(double[] f, double[] t, double a, double b) {
        double v = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            v += fApB >= 0 ? t[i] * fApB + Math.log(1 + Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
        }
        return v;
    }
}
