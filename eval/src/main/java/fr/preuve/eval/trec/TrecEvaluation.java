package fr.preuve.eval.trec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.MetricKey;
import fr.preuve.eval.metrics.RankingMetrics;
import fr.preuve.eval.metrics.RetrievalScores;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a TREC run against qrels with the metrics of the BEIR evaluation ({@link RetrievalScores}): nDCG@10,
 * Recall@10, Recall@100 and MRR@10, each a mean over the judged queries with n and a 95% interval. A judged query is
 * one with at least one relevant document (grade ≥ 1), as in {@code preuve eval beir}; a judged query the run does not
 * list counts as an empty ranking (every metric 0, like {@code trec_eval -c}); queries of the qrels without a
 * relevant document are excluded, and queries of the run without judgements are ignored; all three are counted.
 */
public final class TrecEvaluation {

    /**
     * The result, as {@code --json} prints it.
     *
     * @param run       the run file
     * @param qrels     the qrels file
     * @param format    the qrels format ({@code TREC} or {@code BEIR})
     * @param tags      the run's tags
     * @param n         judged queries scored
     * @param missing   judged queries without a line in the run (scored 0)
     * @param excluded  queries of the qrels without a relevant document (not scored)
     * @param unjudged  queries of the run absent from the qrels (not scored)
     * @param metrics   per metric key ({@code ndcg@10}...), the estimate
     */
    @JsonPropertyOrder({"run", "qrels", "format", "tags", "n", "missing", "excluded", "unjudged", "metrics"})
    public record Result(String run, String qrels, Qrels.Format format, List<String> tags, int n, int missing,
                         int excluded, int unjudged, Map<String, Estimate> metrics) {

        public double value(String metric) {
            Estimate e = metrics.get(metric);
            if (e == null) {
                throw new IllegalArgumentException("no metric " + metric + "; expected one of " + metrics.keySet());
            }
            return e.value();
        }

        public String toJson() {
            try {
                return JSON.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the result as JSON: " + e.getMessage(), e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrecEvaluation() {
    }

    /** Scores {@code run} against {@code qrels}; fails when no query of the qrels has a relevant document. */
    public static Result score(TrecRun run, Qrels qrels) {
        RetrievalScores scores = new RetrievalScores();
        int missing = 0;
        for (Map.Entry<String, Map<String, Integer>> q : qrels.byQuery().entrySet()) {
            if (RankingMetrics.relevantCount(q.getValue()) > 0 && !run.byQuery().containsKey(q.getKey())) {
                missing++;
            }
            scores.add(run.ranked(q.getKey()), q.getValue());
        }
        if (scores.evaluated() == 0) {
            throw new IllegalArgumentException(qrels.file() + ": no query has a relevant document (grade >= 1)");
        }
        int unjudged = (int) run.byQuery().keySet().stream().filter(q -> !qrels.byQuery().containsKey(q)).count();
        return new Result(run.file().toString(), qrels.file().toString(), qrels.format(), List.copyOf(run.tags()),
                scores.evaluated(), missing, scores.excluded(), unjudged, scores.estimates());
    }

    /** The console table: what was scored, then one line per metric with its 95% interval. */
    public static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "TREC run %s (tag %s) against %s (%s)%n", r.run(), String.join(", ", r.tags()),
                r.qrels(), r.format().label()));
        sb.append(String.format(Locale.ROOT, "%d judged queries; %d not in the run (scored 0); %d without a relevant "
                + "document excluded; %d run queries without judgements ignored%n", r.n(), r.missing(), r.excluded(),
                r.unjudged()));
        sb.append(String.format(Locale.ROOT, "%-11s  %-6s  %s%n", "metric", "value", "95% CI"));
        for (MetricKey m : MetricKey.RETRIEVAL) {
            Estimate e = r.metrics().get(m.key());
            sb.append(String.format(Locale.ROOT, "%-11s  %.4f  [%.3f, %.3f]%n", m.key(), e.value(), e.lo(), e.hi()));
        }
        return sb.toString();
    }
}
