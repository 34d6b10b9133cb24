package fr.preuve.eval.regression;

import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.metrics.Scores;
import java.util.ArrayList;
import java.util.List;

/**
 * Thresholds and regression pins applied to one run: the lines to print and the exit code ({@value #EXIT_OK} when
 * everything passes, {@value #EXIT_BREACH} when any threshold is breached or any pin FAILs).
 */
public record QualityGate(List<Regressions.Row> rows, List<String> breaches) {
    public static final int EXIT_OK = 0;
    public static final int EXIT_BREACH = 1;

    public static QualityGate check(RetrievalEvaluation.Result r, Thresholds thresholds, Regressions regressions) {
        return check(r.scores(), thresholds, regressions);
    }

    /** Checks any run (retrieval, answers, judge); either file may be null. */
    public static QualityGate check(Scores s, Thresholds thresholds, Regressions regressions) {
        List<String> breaches = new ArrayList<>(thresholds == null ? List.of() : thresholds.breaches(s));
        List<Regressions.Row> rows = regressions == null ? List.of() : regressions.check(s);
        for (Regressions.Row row : rows) {
            if (row.breach() != null) {
                breaches.add(row.breach());
            }
        }
        return new QualityGate(List.copyOf(rows), List.copyOf(breaches));
    }

    public int exitCode() {
        return breaches.isEmpty() ? EXIT_OK : EXIT_BREACH;
    }
}
