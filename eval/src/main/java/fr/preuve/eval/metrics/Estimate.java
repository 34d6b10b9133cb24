package fr.preuve.eval.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One reported figure: its value, the sample size behind it and, where it applies, a 95% confidence interval.
 *
 * @param value the estimate (a mean or a proportion)
 * @param n     sample size (queries, sentences, answers...)
 * @param ci95  {@code [lo, hi]}, or null when no interval applies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Estimate(double value, int n, @JsonProperty("ci95") List<Double> ci95) {
    /** z for a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    public Estimate {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (ci95 != null) {
            if (ci95.size() != 2 || ci95.get(0) > ci95.get(1)) {
                throw new IllegalArgumentException("ci95 must be [lo, hi] with lo <= hi, got " + ci95);
            }
            ci95 = List.copyOf(ci95);
        }
    }

    public double lo() {
        return ci95 == null ? Double.NaN : ci95.get(0);
    }

    public double hi() {
        return ci95 == null ? Double.NaN : ci95.get(1);
    }

    /**
     * The mean of {@code values} with a normal-approximation 95% interval (mean ± 1.96 · s / √n, s the sample standard
     * deviation), clamped to [{@code min}, {@code max}]. With one value the interval is the value itself. Deterministic.
     */
    public static Estimate mean(double[] values, double min, double max) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot average zero values");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        double half = 0;
        if (n > 1) {
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            half = Z95 * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        }
        return new Estimate(mean, n, List.of(Math.max(min, mean - half), Math.min(max, mean + half)));
    }

    /** The mean of values in [0, 1] (per-query metrics) with its 95% interval. */
    public static Estimate mean(double[] values) {
        return mean(values, 0, 1);
    }

    /** A proportion {@code successes / n} with its Wilson score 95% interval. */
    public static Estimate proportion(int successes, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("a proportion needs n >= 1, got " + n);
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be in [0, " + n + "], got " + successes);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        double lo = successes == 0 ? 0 : Math.max(0, centre - half);
        double hi = successes == n ? 1 : Math.min(1, centre + half);
        return new Estimate(p, n, List.of(lo, hi));
    }
}
