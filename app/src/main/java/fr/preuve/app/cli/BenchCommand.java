package fr.preuve.app.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.eval.bench.EmbeddingBenchmark;
import fr.preuve.eval.bench.IndexBenchmark;
import fr.preuve.eval.bench.SearchBenchmark;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.app.runtime.ConsoleProgress;
import fr.preuve.app.runtime.ConsoleSteps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks that print ratios against a baseline run in the same process; results go to docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure embedding throughput, index build time, search and answer latency.",
        subcommands = {BenchCommand.Embeddings.class, BenchCommand.Index.class, BenchCommand.Search.class})
public class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Embedding throughput: LangChain4j's default embedAll (baseline) against Preuve's indexing embedder. */
    @Command(name = "embeddings", mixinStandardHelpOptions = true,
            description = "Passages/s and tokens/s of LangChain4j's default embedAll (baseline) and Preuve's embedder.")
    static class Embeddings extends PreuveCommand {
        @Option(names = "--passages", paramLabel = "N", defaultValue = "300", description = "Passages of about 200 words (default ${DEFAULT-VALUE}).")
        int passages;

        @Override
        public Integer call() {
            Path data = pubmedqa();
            EmbeddingBenchmark.Config d = EmbeddingBenchmark.Config.defaults(data);
            EmbeddingBenchmark.Config config = new EmbeddingBenchmark.Config(d.data(), passages, d.wordsPerPassage(),
                    d.rounds(), d.queries(), d.onnx(), d.variants(), d.baseline());
            out().println(EmbeddingBenchmark.run(config, ConsoleSteps.on(err())).table());
            return 0;
        }
    }

    /** Builds a corpus index from scratch (the demo by default) in a temporary directory. */
    @Command(name = "index", mixinStandardHelpOptions = true,
            description = "Build the corpus index from scratch in a temporary directory: time, passages/s, peak heap.")
    static class Index extends PreuveCommand {

        @Override
        public Integer call() throws IOException {
            PreuveConfig config = config();
            CorpusConfig corpus = corpus(config);
            Files.createDirectories(config.home());
            Path dir = Files.createTempDirectory(config.home(), "bench-index-");
            try (Embedder embedder = embedders.forIndexing(corpus.embedding())) {
                IndexBenchmark.Result r = IndexBenchmark.run(corpus, dir, embedder, ConsoleProgress.stderr());
                out().println(r.table());
            } finally {
                deleteTree(dir);
                deleteTree(fr.preuve.indexer.versions.CorpusHistory.forIndex(dir).dir());
            }
            return 0;
        }
    }

    /** Search and answer latency on the corpus index (built by `preuve index` or `preuve demo`). */
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Latency p50/p95 of BM25 (baseline), vector and hybrid search and of extractive answers, on the corpus index.")
    static class Search extends PreuveCommand {
        @Option(names = "--queries", paramLabel = "N", defaultValue = "200", description = "PubMedQA questions to run, plus the French ones (default ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--asks", paramLabel = "N", defaultValue = "50", description = "Answers to time (default ${DEFAULT-VALUE}).")
        int asks;

        @Override
        public Integer call() throws Exception {
            PreuveConfig config = config();
            CorpusConfig corpus = corpus(config);
            List<String> qs = new ArrayList<>(SearchBenchmark.FRENCH_QUESTIONS);
            qs.addAll(EmbeddingBenchmark.loadQuestions(pubmedqa(), queries));
            try (Embedder embedder = embedders.forQueries(corpus.embedding());
                 PassageIndex index = PassageIndex.openReadOnly(corpus.indexDir(config))) {
                PrintWriter out = out();
                out.println(SearchBenchmark.run(index, embedder, qs, asks, ConsoleSteps.on(err())).table());
            }
            return 0;
        }
    }

    /** The PubMedQA file of the demo corpus, found from the working or the installation directory. */
    static Path pubmedqa() {
        Path p = CommonOptions.resolve(EmbeddingBenchmark.DEMO_DATA);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("the PubMedQA demo file is missing: " + p.toAbsolutePath());
        }
        return p;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
