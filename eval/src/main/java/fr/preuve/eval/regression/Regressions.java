package fr.preuve.eval.regression;

import fr.preuve.core.config.Yaml;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.Scores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pinned expected scores ({@code eval/regressions.yaml}), checked like Anserini's regression tables: a score within
 * {@code tolerance} of the pinned one is OK, within {@code okish} is OKISH (worth a look, not a failure), beyond is
 * FAIL. Pins apply only to full runs ({@code n} equal to the pinned {@code n}) of their dataset, split and, when given,
 * mode (answer mode or judge name). Retrieval pins name a retriever; answer and judge pins do not.
 *
 * <pre>
 * regressions:
 *   - {dataset: scifact, split: test, n: 300, retriever: bm25, metric: ndcg@10, expected: 0.6512, tolerance: 0.002, okish: 0.01}
 *   - {dataset: expertqa-medicine-dev.jsonl, n: 178, mode: default-v1, metric: precision, expected: 0.8596, tolerance: 0.001}
 * </pre>
 */
public record Regressions(List<Pin> regressions) {

    public enum Status { OK, OKISH, FAIL }

    public record Pin(String dataset, String split, int n, String mode, String retriever, String metric,
                      double expected, double tolerance, Double okish) {
        public Pin {
            Targets.validate(dataset, retriever, metric);
            if (tolerance < 0) {
                throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
            }
            okish = okish == null ? 5 * tolerance : okish;
            if (okish < tolerance) {
                throw new IllegalArgumentException("okish (" + okish + ") must be >= tolerance (" + tolerance + ")");
            }
        }

        /** A retrieval pin (the original form). */
        public Pin(String dataset, String split, int n, String retriever, String metric, double expected,
                   double tolerance, Double okish) {
            this(dataset, split, n, null, retriever, metric, expected, tolerance, okish);
        }

        public Status status(double actual) {
            double d = Math.abs(actual - expected);
            // a hair of slack so that a value printed at 4 decimals and pinned from it is still OK
            if (d <= tolerance + 1e-9) {
                return Status.OK;
            }
            return d <= okish + 1e-9 ? Status.OKISH : Status.FAIL;
        }

        boolean appliesTo(Scores s) {
            return Targets.applies(s, dataset, split, n, mode);
        }
    }

    /**
     * One row of the printed table.
     *
     * @param group  the retriever, or the run's one group ({@code answers}, {@code judge})
     * @param actual the run's figure, NaN when the run has none (a FAIL)
     */
    public record Row(Pin pin, String group, double actual, Status status) {
        public String line() {
            return String.format(Locale.ROOT, "%-27s %-6s %-8s %-11s expected %.4f  got %.4f  (%+.4f, tol %.4f)  %s",
                    pin.dataset(), pin.split() == null ? "-" : pin.split(), group, pin.metric(), pin.expected(), actual,
                    actual - pin.expected(), pin.tolerance(), status);
        }

        /** The one-line reason when this row fails, or null. */
        public String breach() {
            return status != Status.FAIL ? null : String.format(Locale.ROOT,
                    "FAIL %s %s %s = %.4f, pinned %.4f ± %.4f (regression)",
                    pin.split() == null ? pin.dataset() : pin.dataset() + "/" + pin.split(), group, pin.metric(),
                    actual, pin.expected(), pin.okish());
        }
    }

    public Regressions {
        regressions = regressions == null ? List.of() : List.copyOf(regressions);
    }

    public static Regressions load(Path file) {
        return Yaml.read(file, Regressions.class);
    }

    /** The rows for the pins that apply to {@code r} (same dataset, split and number of queries). */
    public List<Row> check(RetrievalEvaluation.Result r) {
        return check(r.scores());
    }

    /** The rows for the pins that apply to {@code s}; a pinned figure missing from the run FAILs. */
    public List<Row> check(Scores s) {
        List<Row> out = new ArrayList<>();
        for (Pin p : regressions) {
            if (p.appliesTo(s)) {
                String group = Targets.group(s, p.retriever());
                Estimate e = s.estimate(group, p.metric());
                double v = e == null ? Double.NaN : e.value();
                out.add(new Row(p, group, v, e == null ? Status.FAIL : p.status(v)));
            }
        }
        return out;
    }

    /** The pinned figure for {@code group}/{@code metric} of a run like {@code s}, or null. */
    public Double expected(Scores s, String group, String metric) {
        for (Pin p : regressions) {
            if (p.appliesTo(s) && group.equals(Targets.group(s, p.retriever())) && p.metric().equals(metric)) {
                return p.expected();
            }
        }
        return null;
    }
}
