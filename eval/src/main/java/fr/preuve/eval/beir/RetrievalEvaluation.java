package fr.preuve.eval.beir;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.search.Retriever;
import fr.preuve.core.search.SearchHit;
import fr.preuve.core.search.SearchQuery;
import fr.preuve.eval.bench.Latencies;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.RetrievalScores;
import fr.preuve.eval.metrics.Scores;
import fr.preuve.eval.trec.TrecRunWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import fr.preuve.eval.run.Progress;
import java.util.List;
import java.util.Map;

/**
 * Ranks the documents of a BEIR dataset for each judged query of a split with BM25, vectors and hybrid fusion (top 100,
 * one passage per document so ranks are per document) and reports nDCG@10, Recall@10/100 and MRR@10 per retriever,
 * each with n and a 95% interval. Deterministic for a fixed index, model and dataset.
 */
public final class RetrievalEvaluation {

    /** Documents ranked per query. */
    public static final int DEPTH = 100;
    public static final List<Retriever> RETRIEVERS = List.of(Retriever.BM25, Retriever.VECTOR, Retriever.HYBRID);

    /**
     * The result, as written by {@code --json}.
     *
     * @param n          queries evaluated (judged queries of the split, or the first {@code --queries N} of them)
     * @param retrievers per retriever key, per metric key, the estimate
     * @param index      facts about the index (see {@link BeirIndex.Info#toMap()})
     * @param latency    search latency per retriever, in ms
     */
    @JsonPropertyOrder({"dataset", "split", "n", "retrievers", "index", "latency"})
    public record Result(String dataset, String split, int n, Map<String, Map<String, Estimate>> retrievers,
                         Map<String, Object> index, Map<String, Latencies> latency) {

        public double value(String retriever, String metric) {
            Map<String, Estimate> m = retrievers.get(retriever);
            Estimate e = m == null ? null : m.get(metric);
            if (e == null) {
                throw new IllegalArgumentException("no " + metric + " for retriever " + retriever);
            }
            return e.value();
        }

        /** The figures for thresholds, pins and the history. */
        public Scores scores() {
            return new Scores(Scores.BEIR, dataset, split, n, "retrieval", retrievers);
        }

        public String toJson() {
            try {
                return JSON.writeValueAsString(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void write(Path file) {
            Yaml.writeJson(file, this);
        }
    }

    /** Receives, after each retriever, the ranked lists the metrics were computed from. */
    @FunctionalInterface
    public interface Rankings {
        /** Discards the rankings. */
        Rankings NONE = (retriever, byQuery) -> {
        };

        /**
         * @param retriever the retriever's key ({@code bm25}, {@code vector}, {@code hybrid})
         * @param byQuery   per evaluated query id (in evaluation order), its documents (BEIR ids) best first, with the
         *                  searcher's scores, {@link #DEPTH} at most
         */
        void accept(String retriever, Map<String, List<TrecRunWriter.Scored>> byQuery);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RetrievalEvaluation() {
    }

    /**
     * Evaluates {@code dataset} on the index behind {@code searcher}.
     *
     * @param maxQueries evaluate only the first N judged queries of the split (in qrels order), or all when null
     * @param progress   receives a step per query and a line at the end of each retriever
     */
    public static Result run(BeirDataset dataset, HybridSearcher searcher, Integer maxQueries, Map<String, Object> index,
                             Progress progress) {
        return run(dataset, searcher, maxQueries, index, progress, Rankings.NONE);
    }

    /** As {@link #run(BeirDataset, HybridSearcher, Integer, Map, Progress)}, handing each retriever's rankings to {@code rankings}. */
    public static Result run(BeirDataset dataset, HybridSearcher searcher, Integer maxQueries, Map<String, Object> index,
                             Progress progress, Rankings rankings) {
        List<String> queryIds = dataset.judgedQueries();
        if (maxQueries != null) {
            if (maxQueries < 1) {
                throw new IllegalArgumentException("--queries must be at least 1, got " + maxQueries);
            }
            queryIds = queryIds.subList(0, Math.min(maxQueries, queryIds.size()));
        }
        if (queryIds.isEmpty()) {
            throw new IllegalArgumentException(dataset.name() + "/" + dataset.split() + ": no query has a relevant document");
        }
        Map<String, String> back = dataset.nativeToBeir();
        Map<String, Map<String, Estimate>> retrievers = new LinkedHashMap<>();
        Map<String, Latencies> latency = new LinkedHashMap<>();
        for (Retriever r : RETRIEVERS) {
            RetrievalScores scores = new RetrievalScores();
            List<Double> millis = new ArrayList<>(queryIds.size());
            Map<String, List<TrecRunWriter.Scored>> byQuery = new LinkedHashMap<>();
            int done = 0;
            for (String qid : queryIds) {
                long t0 = System.nanoTime();
                List<SearchHit> hits = searcher.search(new SearchQuery(dataset.queries().get(qid), DEPTH, Filters.NONE, r, 1)).hits();
                millis.add((System.nanoTime() - t0) / 1e6);
                List<String> ranked = new ArrayList<>(hits.size());
                List<TrecRunWriter.Scored> scored = new ArrayList<>(hits.size());
                for (SearchHit h : hits) {
                    String beirId = back.get(h.passage().docId().nativeId());
                    if (beirId == null) {
                        throw new IllegalStateException("the index holds " + h.passage().docId()
                                + ", which is not in " + dataset.corpus() + ": wrong index?");
                    }
                    ranked.add(beirId);
                    scored.add(new TrecRunWriter.Scored(beirId, h.score()));
                }
                byQuery.put(qid, scored);
                scores.add(ranked, dataset.qrels().get(qid));
                progress.step("eval " + dataset.name() + " " + r.key() + " queries", ++done, queryIds.size());
            }
            rankings.accept(r.key(), byQuery);
            retrievers.put(r.key(), scores.estimates());
            latency.put(r.key(), Latencies.of(millis));
            progress.note(String.format(java.util.Locale.ROOT, "eval %s %s: %d/%d queries, ndcg@10 %.4f",
                    dataset.name(), r.key(), done, queryIds.size(), scores.estimates().get("ndcg@10").value()));
        }
        return new Result(dataset.name(), dataset.split(), queryIds.size(), retrievers, index, latency);
    }
}
