package fr.preuve.eval.regression;

import fr.preuve.core.config.Yaml;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.metrics.MetricKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Pinned expected scores ({@code eval/regressions.yaml}), checked like Anserini's regression tables: a score within
 * {@code tolerance} of the pinned one is OK, within {@code okish} is OKISH (worth a look, not a failure), beyond is
 * FAIL. Pins apply only to full runs of the split ({@code n} equal to the pinned {@code n}).
 *
 * <pre>
 * regressions:
 *   - {dataset: scifact, split: test, n: 300, retriever: bm25, metric: ndcg@10, expected: 0.6512, tolerance: 0.002, okish: 0.01}
 * </pre>
 */
public record Regressions(List<Pin> regressions) {

    public enum Status { OK, OKISH, FAIL }

    public record Pin(String dataset, String split, int n, String retriever, String metric, double expected,
                      double tolerance, Double okish) {
        public Pin {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(split, "split");
            fr.preuve.core.search.Retriever.fromKey(retriever);
            MetricKey.fromKey(metric);
            if (tolerance < 0) {
                throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
            }
            okish = okish == null ? 5 * tolerance : okish;
            if (okish < tolerance) {
                throw new IllegalArgumentException("okish (" + okish + ") must be >= tolerance (" + tolerance + ")");
            }
        }

        public Status status(double actual) {
            double d = Math.abs(actual - expected);
            // a hair of slack so that a value printed at 4 decimals and pinned from it is still OK
            if (d <= tolerance + 1e-9) {
                return Status.OK;
            }
            return d <= okish + 1e-9 ? Status.OKISH : Status.FAIL;
        }
    }

    /** One row of the printed table. */
    public record Row(Pin pin, double actual, Status status) {
        public String line() {
            return String.format(Locale.ROOT, "%-10s %-6s %-8s %-11s expected %.4f  got %.4f  (%+.4f, tol %.4f)  %s",
                    pin.dataset(), pin.split(), pin.retriever(), pin.metric(), pin.expected(), actual,
                    actual - pin.expected(), pin.tolerance(), status);
        }

        /** The one-line reason when this row fails, or null. */
        public String breach() {
            return status != Status.FAIL ? null : String.format(Locale.ROOT,
                    "FAIL %s/%s %s %s = %.4f, pinned %.4f ± %.4f (regression)", pin.dataset(), pin.split(),
                    pin.retriever(), pin.metric(), actual, pin.expected(), pin.okish());
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
        List<Row> out = new ArrayList<>();
        for (Pin p : regressions) {
            if (p.dataset().equals(r.dataset()) && p.split().equals(r.split()) && p.n() == r.n()) {
                double v = r.value(p.retriever(), p.metric());
                out.add(new Row(p, v, p.status(v)));
            }
        }
        return out;
    }
}
