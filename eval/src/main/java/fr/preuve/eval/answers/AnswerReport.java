package fr.preuve.eval.answers;

import fr.preuve.eval.metrics.Estimate;
import java.util.Locale;
import java.util.Map;

/** The console table of an answers run: its header, one row per metric with n and interval, the latency. */
public final class AnswerReport {
    private AnswerReport() {
    }

    /** The Markdown table of {@code r}. */
    public static String table(AnswerEvaluation.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d questions, mode %s %s, model %s, corpus %s, support: %s%n%n",
                r.dataset(), r.questions(), r.mode(), r.answersByMode(), r.modelLabel(), r.corpusVersion(),
                r.supportCheck()));
        sb.append("| metric | value | n | 95% CI |\n|---|---|---|---|\n");
        for (Map.Entry<String, Estimate> e : r.metrics().entrySet()) {
            Estimate v = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %d | %s |%n", e.getKey(), v.value(), v.n(),
                    v.ci95() == null ? "" : String.format(Locale.ROOT, "[%.3f, %.3f]", v.lo(), v.hi())));
        }
        sb.append(String.format(Locale.ROOT, "%nLatency per answer: p50 %.0f ms, p95 %.0f ms (n=%d)%n",
                r.latency().p50(), r.latency().p95(), r.latency().n()));
        return sb.toString();
    }
}
