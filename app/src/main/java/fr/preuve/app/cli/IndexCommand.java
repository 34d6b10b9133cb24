package fr.preuve.app.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.embed.Embedders;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.DocumentOutcome;
import fr.preuve.indexer.pipeline.IndexPlan;
import fr.preuve.indexer.pipeline.IndexReport;
import fr.preuve.indexer.pipeline.Indexer;
import fr.preuve.app.runtime.ConsoleProgress;
import fr.preuve.app.runtime.PreuveRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Indexes a corpus in the foreground, incrementally, with a progress bar and a report of failures. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index a corpus: add new documents, replace changed ones, remove deleted ones; unchanged "
                + "documents are not re-embedded.")
public class IndexCommand extends PreuveCommand {
    @Option(names = "--force", description = "Re-read every source even if nothing seems to have changed.")
    boolean force;

    @Option(names = "--dry-run", description = "Read the sources and show what would be added, changed and removed, "
            + "without embedding or writing anything (works while a server runs).")
    boolean dryRun;

    @Option(names = "--max", paramLabel = "N", description = "With --dry-run: ids listed per kind (default: 20).")
    int max = 20;

    @Override
    public Integer call() throws Exception {
        PreuveConfig config = config();
        CorpusConfig corpus = corpus(config);
        PrintWriter out = out();
        if (dryRun) {
            return dryRun(config, corpus, out);
        }
        try (PreuveRuntime runtime = writable(config, corpus)) {
            IndexReport report;
            try {
                report = runtime.startIndexing(force).get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception c ? c : e;
            }
            out.println(report.summary());
            for (DocumentOutcome.Failed f : report.failures()) {
                out.printf("  failed: %s [%s]: %s%n", f.location(), f.source(), f.reason());
            }
            return 0;
        }
    }

    private int dryRun(PreuveConfig config, CorpusConfig corpus, PrintWriter out) throws Exception {
        Path dir = corpus.indexDir(config);
        Map<String, String> present = Map.of();
        CorpusState state = CorpusState.from(Map.of());
        if (PassageIndex.exists(dir)) {
            try (PassageIndex index = PassageIndex.openReadOnly(dir)) {
                present = index.documentHashes();
                state = CorpusState.from(index.commitData());
            }
        }
        IndexPlan plan = Indexer.plan(corpus, dir, present, ConsoleProgress.stderr());
        out.printf("dry run, corpus %s: %d would be added, %d changed, %d removed, %d unchanged; %d failures%n",
                corpus.name(), plan.added().size(), plan.changed().size(), plan.removed().size(), plan.unchanged(),
                plan.failures().size());
        String model = Embedders.modelId(corpus.embedding());
        if (state.model() != null && !model.equals(state.model())) {
            out.println("the embedding model changed (" + state.model() + " -> " + model + "): every document would be "
                    + "indexed again with its vectors (texts it embedded before come from its cache)");
        } else if (state.pipeline() != null && !Indexer.pipelineId(Chunker.defaults()).equals(state.pipeline())) {
            out.println("the parsing/chunking pipeline changed: every document would be cut again (vectors of "
                    + "unchanged passage texts come from the cache)");
        }
        CorpusCommand.printIds(out, "added", plan.added(), max);
        CorpusCommand.printIds(out, "changed", plan.changed(), max);
        CorpusCommand.printIds(out, "removed", plan.removed(), max);
        if (!plan.kept().isEmpty()) {
            CorpusCommand.printIds(out, "kept although no longer declared (failures in this run)", plan.kept(), max);
        }
        for (DocumentOutcome.Failed f : plan.failures()) {
            out.printf("  failed: %s [%s]: %s%n", f.location(), f.source(), f.reason());
        }
        return 0;
    }
}
