package fr.preuve.core.stats;

/**
 * The probability of Preuve's shipped logistic models (abstention, unit scorer, support judge): each feature is
 * standardised with the fitting data's mean and standard deviation, then weighted.
 */
public final class Logistic {

    private Logistic() {
    }

    /** {@code 1 / (1 + exp(-(intercept + Σ weights[i] (x[i] - mean[i]) / scale[i])))}. */
    public static double probability(double[] x, double[] mean, double[] scale, double[] weights, double intercept) {
        double z = intercept;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
