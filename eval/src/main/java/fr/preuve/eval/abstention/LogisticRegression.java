package fr.preuve.eval.abstention;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares) on standardised
 * features. Exact and deterministic: the same data give the same coefficients bit for bit, with no seed and no
 * learning rate; the intercept is not penalised. Small problems only (a handful of features).
 */
public final class LogisticRegression {

    /** Newton steps at most; a handful suffice on well-posed data. */
    static final int MAX_ITERATIONS = 100;
    static final double TOLERANCE = 1e-10;

    private LogisticRegression() {
    }

    /**
     * The coefficients: {@code [intercept, w1 ... wd]} for standardised rows {@code x} and labels {@code y} (1 or 0).
     *
     * @param lambda L2 penalty on the weights
     */
    public static double[] fit(double[][] x, int[] y, double lambda) {
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1);
        return fit(x, y, ones, lambda);
    }

    /**
     * As {@link #fit(double[][], int[], double)} with a weight per row (a row of weight 2 counts as two rows).
     *
     * @param weights one non-negative weight per row
     */
    public static double[] fit(double[][] x, int[] y, double[] weights, double lambda) {
        int n = x.length;
        if (weights.length != n) {
            throw new IllegalArgumentException(n + " rows but " + weights.length + " weights");
        }
        int d = x[0].length + 1;
        double[] beta = new double[d];
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (int i = 0; i < n; i++) {
                double[] xi = row(x[i]);
                double p = sigmoid(dot(beta, xi));
                double w = weights[i] * p * (1 - p);
                for (int a = 0; a < d; a++) {
                    grad[a] += weights[i] * (y[i] - p) * xi[a];
                    for (int b = 0; b < d; b++) {
                        hess[a][b] += w * xi[a] * xi[b];
                    }
                }
            }
            for (int a = 1; a < d; a++) {
                grad[a] -= lambda * beta[a];
                hess[a][a] += lambda;
            }
            double[] step = solve(hess, grad);
            double change = 0;
            for (int a = 0; a < d; a++) {
                beta[a] += step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return beta;
    }

    /**
     * Per-column mean and standard deviation of raw feature rows (a constant column gets scale 1), to standardise
     * rows before {@link #fit} and to ship with the coefficients.
     */
    public record Standardisation(double[] mean, double[] scale) {
        public static Standardisation of(double[][] rows) {
            int n = rows.length;
            int d = rows[0].length;
            double[] mean = new double[d];
            double[] scale = new double[d];
            for (double[] v : rows) {
                for (int j = 0; j < d; j++) {
                    mean[j] += v[j] / n;
                }
            }
            for (double[] v : rows) {
                for (int j = 0; j < d; j++) {
                    scale[j] += (v[j] - mean[j]) * (v[j] - mean[j]) / n;
                }
            }
            for (int j = 0; j < d; j++) {
                scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1.0;
            }
            return new Standardisation(mean, scale);
        }

        /** {@code rows} standardised. */
        public double[][] apply(double[][] rows) {
            double[][] x = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                x[i] = new double[rows[i].length];
                for (int j = 0; j < rows[i].length; j++) {
                    x[i][j] = (rows[i][j] - mean[j]) / scale[j];
                }
            }
            return x;
        }
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    private static double[] row(double[] features) {
        double[] r = new double[features.length + 1];
        r[0] = 1;
        System.arraycopy(features, 0, r, 1, features.length);
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting ({@code a} is positive definite here). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[c][c]) < 1e-300) {
                throw new IllegalStateException("singular system: a feature is constant or duplicated");
            }
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /**
     * Writes a fitted model's coefficients into its resource's JSON the way every Preuve model resource has them:
     * {@code features}, {@code mean}, {@code scale}, {@code weights} (per standardised feature) and {@code intercept}.
     */
    public static void putCoefficients(com.fasterxml.jackson.databind.node.ObjectNode o, java.util.List<String> names,
                                       double[] mean, double[] scale, double[] weights, double intercept) {
        names.forEach(o.putArray("features")::add);
        var m = o.putArray("mean");
        var s = o.putArray("scale");
        var w = o.putArray("weights");
        for (int i = 0; i < mean.length; i++) {
            m.add(mean[i]);
            s.add(scale[i]);
            w.add(weights[i]);
        }
        o.put("intercept", intercept);
    }
}
