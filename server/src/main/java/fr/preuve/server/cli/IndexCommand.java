package fr.preuve.server.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.DocumentOutcome;
import fr.preuve.indexer.pipeline.IndexReport;
import fr.preuve.server.app.ConsoleProgress;
import fr.preuve.server.app.PreuveRuntime;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Indexes a corpus in the foreground, incrementally, with a progress bar and a report of failures. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index a corpus: add new documents, replace changed ones, remove deleted ones; unchanged "
                + "documents are not re-embedded.")
public class IndexCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--force", description = "Re-read every source even if nothing seems to have changed.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PreuveConfig config = common.load();
        CorpusConfig corpus = CommonOptions.corpus(config);
        PrintWriter out = spec.commandLine().getOut();
        try (PreuveRuntime runtime = PreuveRuntime.writable(config, corpus, ConsoleProgress.stderr())) {
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
}
