package fr.preuve.eval.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.preuve.core.verify.SupportJudge;
import fr.preuve.eval.dataset.SupportJudgement;
import fr.preuve.eval.dataset.SupportLabel;
import fr.preuve.eval.dataset.SupportSet;
import fr.preuve.eval.bench.Latencies;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.Scores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Runs a {@link SupportJudge} on a support-judgements file and scores it against the human labels, for the
 * {@code supported} class: precision (of the claims the judge lets through, how many are supported: the figure that
 * matters for a medical product), recall, F1 and accuracy, with n and Wilson 95% intervals for the proportions.
 *
 * <p>A judgement with no evidence ({@code evidence: []}, a claim citing nothing) is not supported by definition: the
 * judge is not called, the claim counts as predicted not supported, and the result says how many there were.
 *
 * <p><b>Halves.</b> Rows are split by source item (the {@code source} field up to the item number after {@code #};
 * the row id when there is none), alternating in file order: items 1, 3, 5... form the calibration half, items 2, 4,
 * 6... the held-out half. The two judgements of a MedHallu item (same evidence, one supported, one not) thus stay on
 * the same side and both halves stay balanced. {@link #calibrate} picks a threshold on the score on the calibration
 * half and reports it on the held-out half and the full set.
 */
public final class SupportEvaluation {
    /** Step of the threshold grid searched by {@link #calibrate}. */
    public static final double GRID_STEP = 0.005;
    /** The metric keys of a slice. */
    public static final List<String> METRICS = List.of("precision", "recall", "f1", "accuracy");

    private SupportEvaluation() {
    }

    /**
     * One judged row.
     *
     * @param id          the judgement id
     * @param calibration whether the row is in the calibration half (else held out)
     * @param label       the human label
     * @param judged      false when the evidence was empty and the judge was not called
     * @param score       the judge's score, or null when not judged
     * @param supported   the judge's verdict (false when not judged)
     * @param reason      the judge's reason, or why it was not called
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String id, boolean calibration, SupportLabel label, boolean judged, Double score,
                      boolean supported, String reason) {

        boolean positive() {
            return label == SupportLabel.SUPPORTED;
        }

        boolean predictedAt(double threshold) {
            return judged && score >= threshold;
        }
    }

    /** Confusion counts for the {@code supported} class. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        public int n() {
            return truePositives + falsePositives + falseNegatives + trueNegatives;
        }

        static Counts of(List<Row> rows, Predicate<Row> predicted) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int tn = 0;
            for (Row r : rows) {
                boolean p = predicted.test(r);
                if (r.positive()) {
                    tp += p ? 1 : 0;
                    fn += p ? 0 : 1;
                } else {
                    fp += p ? 1 : 0;
                    tn += p ? 0 : 1;
                }
            }
            return new Counts(tp, fp, fn, tn);
        }
    }

    /**
     * Figures over a set of rows.
     *
     * @param rows            rows counted
     * @param withoutEvidence of which had no evidence (predicted not supported without calling the judge)
     * @param counts          confusion counts
     * @param metrics         {@code precision}, {@code recall}, {@code f1}, {@code accuracy}; a metric whose
     *                        denominator is zero is left out
     */
    public record Slice(int rows, int withoutEvidence, Counts counts, Map<String, Estimate> metrics) {
        static Slice of(List<Row> rows, Predicate<Row> predicted) {
            Counts c = Counts.of(rows, predicted);
            int empty = (int) rows.stream().filter(r -> !r.judged()).count();
            return new Slice(rows.size(), empty, c, SupportEvaluation.metrics(c));
        }
    }

    /**
     * A threshold on the score chosen on the calibration half.
     *
     * @param rule             how it was chosen
     * @param minPrecision     the precision target on the calibration half
     * @param reached          whether the target was reached (otherwise the threshold maximises F1)
     * @param threshold        the chosen threshold: a row is predicted supported when its score is at least this
     * @param calibrationHalf  figures at the threshold on the calibration half
     * @param heldOut          on the held-out half
     * @param full             on every row
     */
    public record Calibration(String rule, double minPrecision, boolean reached, double threshold,
                              Slice calibrationHalf, Slice heldOut, Slice full) {
    }

    /**
     * The result of a run.
     *
     * @param dataset         file name of the support set
     * @param judge           the judge's name
     * @param full            figures at the judge's own threshold, every row
     * @param calibrationHalf the same, calibration half
     * @param heldOut         the same, held-out half
     * @param calibration     a threshold chosen on the calibration half, or null when not asked
     * @param latency         time per judge call in ms (rows without evidence are not timed), or null
     * @param perRow          every row, in file order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String dataset, String judge, Slice full, Slice calibrationHalf, Slice heldOut,
                         Calibration calibration, Latencies latency, List<Row> perRow) {

        /** The full-set figures at the judge's own threshold, for thresholds, pins and the history. */
        public Scores scores() {
            return new Scores(Scores.SUPPORT, dataset, null, full.rows(), judge, Map.of(Scores.JUDGE, full.metrics()));
        }
    }

    /** Judges every row of {@code set} (progress lines on {@code progress}, may be null). */
    public static Result run(SupportSet set, SupportJudge judge, fr.preuve.eval.run.Progress progress) {
        Objects.requireNonNull(judge, "judge");
        List<Row> rows = new ArrayList<>(set.size());
        Map<String, Integer> items = new HashMap<>();
        List<Double> millis = new ArrayList<>();
        int i = 0;
        for (SupportJudgement j : set.items()) {
            int item = items.computeIfAbsent(item(j), k -> items.size());
            boolean calibration = item % 2 == 0;
            if (j.evidence().isEmpty()) {
                rows.add(new Row(j.id(), calibration, j.label(), false, null, false,
                        "no evidence: a claim citing nothing is not supported"));
            } else {
                long t0 = System.nanoTime();
                SupportJudge.Judgement v = judge.judge(j.claim(), j.evidence());
                millis.add((System.nanoTime() - t0) / 1e6);
                rows.add(new Row(j.id(), calibration, j.label(), true, v.score(), v.supported(), v.reason()));
            }
            i++;
            if (progress != null) {
                progress.step("support", i, set.size());
            }
        }
        return of(set.file() == null ? "support" : set.file().getFileName().toString(), judge.name(), rows,
                millis.isEmpty() ? null : Latencies.of(millis));
    }

    /** Figures at the judge's own verdicts over already judged rows ({@code latency} may be null). */
    public static Result of(String dataset, String judge, List<Row> rows, Latencies latency) {
        return new Result(dataset, judge, Slice.of(rows, Row::supported), Slice.of(half(rows, true), Row::supported),
                Slice.of(half(rows, false), Row::supported), null, latency, List.copyOf(rows));
    }

    /** {@code result} with a threshold chosen on its calibration half (see {@link #chooseThreshold}). */
    public static Result calibrate(Result result, double minPrecision) {
        List<Row> cal = half(result.perRow(), true);
        Choice c = chooseThreshold(cal, minPrecision);
        Predicate<Row> at = r -> r.predictedAt(c.threshold());
        Calibration calibration = new Calibration(c.reached()
                ? "lowest threshold with precision >= " + minPrecision + " on the calibration half"
                : "precision " + minPrecision + " not reachable on the calibration half: threshold maximising F1",
                minPrecision, c.reached(), c.threshold(), Slice.of(cal, at), Slice.of(half(result.perRow(), false), at),
                Slice.of(result.perRow(), at));
        return new Result(result.dataset(), result.judge(), result.full(), result.calibrationHalf(), result.heldOut(),
                calibration, result.latency(), result.perRow());
    }

    /** Figures over {@code rows} when a row is predicted supported at {@code threshold} or above. */
    public static Slice slice(List<Row> rows, double threshold) {
        return Slice.of(rows, r -> r.predictedAt(threshold));
    }

    /** A threshold and whether it met the precision target. */
    public record Choice(double threshold, boolean reached) {
    }

    /**
     * On a grid of step {@value #GRID_STEP} over [0, 1]: the lowest threshold whose precision on {@code rows} is at
     * least {@code minPrecision} (so the highest recall at that precision); if none, the threshold of highest F1
     * (lowest on ties).
     */
    public static Choice chooseThreshold(List<Row> rows, double minPrecision) {
        if (!(minPrecision >= 0 && minPrecision <= 1)) {
            throw new IllegalArgumentException("minPrecision must be in [0, 1], got " + minPrecision);
        }
        int steps = (int) Math.round(1 / GRID_STEP);
        double bestF1 = -1;
        double bestF1At = 1;
        for (int s = 0; s <= steps; s++) {
            double t = s * GRID_STEP;
            Counts c = Counts.of(rows, r -> r.predictedAt(t));
            int predicted = c.truePositives() + c.falsePositives();
            if (predicted > 0 && (double) c.truePositives() / predicted >= minPrecision) {
                return new Choice(t, true);
            }
            double f1 = f1(c);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestF1At = t;
            }
        }
        return new Choice(bestF1At, false);
    }

    /** Precision, recall, F1 (n = rows, no interval: not a proportion) and accuracy from confusion counts. */
    public static Map<String, Estimate> metrics(Counts c) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        int predicted = c.truePositives() + c.falsePositives();
        int actual = c.truePositives() + c.falseNegatives();
        if (predicted > 0) {
            m.put("precision", Estimate.proportion(c.truePositives(), predicted));
        }
        if (actual > 0) {
            m.put("recall", Estimate.proportion(c.truePositives(), actual));
        }
        if (c.n() > 0) {
            m.put("f1", new Estimate(f1(c), c.n(), null));
            m.put("accuracy", Estimate.proportion(c.truePositives() + c.trueNegatives(), c.n()));
        }
        return m;
    }

    static double f1(Counts c) {
        int denominator = 2 * c.truePositives() + c.falsePositives() + c.falseNegatives();
        return denominator == 0 ? 0 : 2.0 * c.truePositives() / denominator;
    }

    /** The source item a judgement belongs to: {@code source} up to the number after {@code #}, else the id. */
    public static String item(SupportJudgement j) {
        String s = j.source();
        int hash = s.indexOf('#');
        if (hash < 0) {
            return "id:" + j.id();
        }
        int end = hash + 1;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end);
    }

    /** The rows of the calibration half ({@code true}) or of the held-out half. */
    public static List<Row> half(List<Row> rows, boolean calibration) {
        return rows.stream().filter(r -> r.calibration() == calibration).toList();
    }
}
