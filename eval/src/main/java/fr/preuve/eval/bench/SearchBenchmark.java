package fr.preuve.eval.bench;

import fr.preuve.core.answer.AnswerService;
import fr.preuve.core.answer.ExtractiveAnswerer;
import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.IndexCounts;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.search.Retriever;
import fr.preuve.core.search.SearchQuery;
import fr.preuve.eval.run.Progress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Search and answer latency on an existing index: BM25 alone is the baseline, vectors and hybrid fusion are reported
 * against it, then extractive answers end to end. Query embedding is included in vector and hybrid timings.
 */
public final class SearchBenchmark {
    private SearchBenchmark() {
    }

    /** French questions a clinician would ask of the demo corpus; they also exercise the French analyzer. */
    public static final List<String> FRENCH_QUESTIONS = List.of(
            "Quelles personnes sont prioritaires pour la vaccination contre la Covid-19 ?",
            "Les pharmaciens peuvent-ils administrer le vaccin contre la Covid-19 ?",
            "La vaccination contre la Covid-19 est-elle contre-indiquée pendant la grossesse ?",
            "Quel est le service médical rendu de la metformine dans le diabète de type 2 ?",
            "Quelle quantité de sel par jour est recommandée chez l'adulte ?",
            "Quels sont les éléments essentiels d'un programme de prévention des infections à l'hôpital ?",
            "Quel traitement contre la schistosomiase chez l'enfant d'âge scolaire ?",
            "Le méthotrexate est-il remboursé dans la polyarthrite rhumatoïde ?");

    /** The results, with a printable table. */
    public record Result(IndexCounts counts, int queries, Map<Retriever, Latencies> search, Latencies ask,
                         double peakHeapMiB) {
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "Index: %d documents, %d passages; %d queries per retriever%n%n",
                    counts.documents(), counts.passages(), queries));
            sb.append("| path | p50 ms | p95 ms | mean ms | p50 vs BM25 |\n|---|---|---|---|---|\n");
            double base = search.get(Retriever.BM25).p50();
            for (var e : search.entrySet()) {
                Latencies l = e.getValue();
                sb.append(String.format(Locale.ROOT, "| search %s (k=10) | %.1f | %.1f | %.1f | %.2f× |%n",
                        e.getKey().key(), l.p50(), l.p95(), l.mean(), l.p50() / base));
            }
            sb.append(String.format(Locale.ROOT, "| ask, extractive (retrieval + answer) | %.1f | %.1f | %.1f | %.2f× |%n",
                    ask.p50(), ask.p95(), ask.mean(), ask.p50() / base));
            sb.append(String.format(Locale.ROOT, "%nPeak heap used (sampled every 100 ms): %.0f MiB%n", peakHeapMiB));
            return sb.toString();
        }
    }

    /**
     * Runs every query through each retriever after a warm-up, then {@code askCount} answers.
     *
     * @param queries the queries (English and French mixed)
     */
    public static Result run(PassageIndex index, Embedder queryEmbedder, List<String> queries, int askCount) {
        return run(index, queryEmbedder, queries, askCount, Progress.NONE);
    }

    /** As above, with a step per query and per answer on {@code progress} (after each is timed). */
    public static Result run(PassageIndex index, Embedder queryEmbedder, List<String> queries, int askCount,
                             Progress progress) {
        try (HeapSampler heap = new HeapSampler()) {
            HybridSearcher searcher = new HybridSearcher(index, queryEmbedder, SearchSettings.defaults());
            AnswerSettings answerSettings = AnswerSettings.defaults();
            AnswerService answers = new AnswerService(searcher,
                    new ExtractiveAnswerer(searcher, answerSettings), answerSettings, () -> "bench");
            for (String q : queries.subList(0, Math.min(20, queries.size()))) {
                for (Retriever r : Retriever.values()) {
                    searcher.search(new SearchQuery(q, 10, Filters.NONE, r, null));
                }
            }
            Map<Retriever, Latencies> search = new EnumMap<>(Retriever.class);
            for (Retriever r : Retriever.values()) {
                List<Double> ms = new ArrayList<>();
                for (String q : queries) {
                    long t0 = System.nanoTime();
                    searcher.search(new SearchQuery(q, 10, Filters.NONE, r, null));
                    ms.add((System.nanoTime() - t0) / 1e6);
                    progress.step("bench search " + r.key(), ms.size(), queries.size());
                }
                search.put(r, Latencies.of(ms));
            }
            List<Double> askMs = new ArrayList<>();
            List<String> asked = queries.subList(0, Math.min(askCount, queries.size()));
            for (String q : asked) {
                long t0 = System.nanoTime();
                answers.ask(q, Filters.NONE);
                askMs.add((System.nanoTime() - t0) / 1e6);
                progress.step("bench search answers", askMs.size(), asked.size());
            }
            return new Result(index.counts(), queries.size(), search, Latencies.of(askMs), heap.peakMiB());
        }
    }
}
