package fr.preuve.server.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.embed.Embedders;
import fr.preuve.core.embed.OnnxBatchEmbedder;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.eval.beir.BeirDataset;
import fr.preuve.eval.beir.BeirIndex;
import fr.preuve.eval.beir.BeirReport;
import fr.preuve.eval.beir.BeirSource;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.regression.QualityGate;
import fr.preuve.eval.regression.Regressions;
import fr.preuve.eval.regression.Thresholds;
import fr.preuve.server.app.ConsoleProgress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Evaluation runs: retrieval quality on BEIR datasets, checked against thresholds and pinned regressions. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate retrieval quality on a dataset; exits 1 when a threshold or a pinned score is breached.",
        subcommands = {EvalCommand.Beir.class, EvalQuestionsCommand.class})
public class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code preuve eval beir <dir>}: index the BEIR corpus (incrementally), then rank with BM25, vector, hybrid. */
    @Command(name = "beir", mixinStandardHelpOptions = true,
            description = "Index a BEIR dataset (corpus.jsonl[.gz], queries.jsonl, qrels/<split>.tsv) under "
                    + "$PREUVE_HOME/indexes/beir-<name> and report nDCG@10, Recall@10/100 and MRR@10 for bm25, vector "
                    + "and hybrid, with n and 95% intervals.")
    static class Beir implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "DIR", description = "The BEIR dataset directory, e.g. eval/datasets/scifact.")
        Path dir;

        @Option(names = "--split", paramLabel = "NAME", defaultValue = "test", description = "Qrels split (default ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--queries", paramLabel = "N", description = "Evaluate only the first N judged queries (pinned regressions then do not apply).")
        Integer queries;

        @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
        Path json;

        @Option(names = "--thresholds", paramLabel = "FILE", description = "Minimum scores (default eval/thresholds.yaml when present).")
        Path thresholds;

        @Option(names = "--regressions", paramLabel = "FILE", description = "Pinned scores with tolerances (default eval/regressions.yaml when present).")
        Path regressions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PreuveConfig config = common.load();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            BeirDataset dataset = BeirDataset.load(CommonOptions.resolve(dir), split);
            Path indexDir = config.indexDir(BeirSource.indexName(dataset.name()));
            err.println("preuve eval: " + dataset.name() + ": " + dataset.corpusIds().size() + " documents, "
                    + dataset.judgedQueries().size() + " judged " + split + " queries; index " + indexDir);
            BeirIndex.Info info;
            try (OnnxBatchEmbedder embedder = Embedders.forIndexing()) {
                info = BeirIndex.build(dataset, indexDir, embedder, ConsoleProgress.stderr());
            }
            RetrievalEvaluation.Result result;
            try (OnnxBatchEmbedder embedder = Embedders.forQueries();
                 PassageIndex index = PassageIndex.openReadOnly(indexDir)) {
                HybridSearcher searcher = new HybridSearcher(index, embedder, config.search());
                result = RetrievalEvaluation.run(dataset, searcher, queries, info.toMap(), line -> {
                    err.println("preuve " + line);
                    err.flush();
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (json != null) {
                result.write(json);
                err.println("preuve eval: wrote " + json);
            }
            out.print(BeirReport.table(result));
            Thresholds t = load(thresholds, "eval/thresholds.yaml", Thresholds::load);
            Regressions r = load(regressions, "eval/regressions.yaml", Regressions::load);
            QualityGate gate = QualityGate.check(result, t, r);
            if (!gate.rows().isEmpty()) {
                out.println("regressions:");
                gate.rows().forEach(row -> out.println("  " + row.line()));
            } else if (queries != null) {
                out.println("regressions: none apply to a partial run (--queries " + queries + ")");
            }
            for (String b : gate.breaches()) {
                err.println("preuve eval: " + b);
            }
            out.flush();
            err.flush();
            return gate.exitCode();
        }

        private static <T> T load(Path given, String fallback, java.util.function.Function<Path, T> loader) {
            if (given != null) {
                return loader.apply(given);
            }
            Path p = CommonOptions.resolve(Path.of(fallback));
            return Files.isRegularFile(p) ? loader.apply(p) : null;
        }
    }
}
