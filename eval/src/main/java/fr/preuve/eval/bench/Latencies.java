package fr.preuve.eval.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Latency distribution of a series of timed calls, in milliseconds.
 *
 * @param n number of calls
 */
public record Latencies(int n, double p50, double p95, double mean, double max) {

    /** Nearest-rank percentiles of {@code millis}. */
    public static Latencies of(List<Double> millis) {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no latency measured");
        }
        double[] v = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Latencies(v.length, rank(v, 0.50), rank(v, 0.95), Arrays.stream(v).average().orElse(0), v[v.length - 1]);
    }

    static double rank(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
