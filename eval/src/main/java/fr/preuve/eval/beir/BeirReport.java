package fr.preuve.eval.beir;

import fr.preuve.eval.bench.Latencies;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.MetricKey;
import java.util.Locale;
import java.util.Map;

/** The console table of a BEIR evaluation, with published anchors beside our nDCG@10. */
public final class BeirReport {
    private BeirReport() {
    }

    public static String table(RetrievalEvaluation.Result r) {
        StringBuilder sb = new StringBuilder();
        Object docs = r.index() == null ? null : r.index().get("documents");
        Object passages = r.index() == null ? null : r.index().get("passages");
        sb.append(String.format(Locale.ROOT, "BEIR %s, split %s: %d queries%s%n", r.dataset(), r.split(), r.n(),
                docs == null ? "" : ", " + docs + " documents, " + passages + " passages"));
        sb.append(String.format(Locale.ROOT, "%-9s", "retriever"));
        for (MetricKey m : MetricKey.RETRIEVAL) {
            sb.append(String.format(Locale.ROOT, "  %-22s", m.key() + " [95% CI]"));
        }
        sb.append(String.format(Locale.ROOT, "  %8s  %8s  %s%n", "p50 ms", "p95 ms", "published nDCG@10"));
        for (Map.Entry<String, Map<String, Estimate>> e : r.retrievers().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-9s", e.getKey()));
            for (MetricKey m : MetricKey.RETRIEVAL) {
                Estimate est = e.getValue().get(m.key());
                sb.append(String.format(Locale.ROOT, "  %-22s", est == null ? "-"
                        : String.format(Locale.ROOT, "%.4f [%.3f, %.3f]", est.value(), est.lo(), est.hi())));
            }
            Latencies l = r.latency() == null ? null : r.latency().get(e.getKey());
            sb.append(String.format(Locale.ROOT, "  %8s  %8s  ", l == null ? "-" : String.format(Locale.ROOT, "%.1f", l.p50()),
                    l == null ? "-" : String.format(Locale.ROOT, "%.1f", l.p95())));
            sb.append(String.join("; ", Anchors.of(r.dataset(), e.getKey()).stream()
                    .map(a -> String.format(Locale.ROOT, "%.3f (%s)", a.value(), a.system())).toList()));
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
