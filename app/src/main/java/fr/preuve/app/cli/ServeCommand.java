package fr.preuve.app.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.server.http.ApiServer;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves a corpus over HTTP, indexing it in the background when it is new or has changed. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP server (API and page) on a corpus, indexing it in the background if needed.")
public class ServeCommand extends PreuveCommand {
    @Option(names = "--port", paramLabel = "N", description = "HTTP port (overrides PREUVE_PORT; default 7070).")
    Integer port;

    @Option(names = "--no-index", description = "Do not index on start; serve the index as it is.")
    boolean noIndex;

    @Override
    public Integer call() throws Exception {
        PreuveConfig config = config();
        if (port != null) {
            config = config.withPort(port);
        }
        return serve(this, config, !noIndex);
    }

    /** Serves the corpus {@code config} declares, with the models and console of {@code command}. */
    static int serve(PreuveCommand command, PreuveConfig config, boolean index) throws Exception {
        CorpusConfig corpus = corpus(config);
        PrintWriter out = command.out();
        PreuveRuntime runtime = command.writable(config, corpus);
        ApiServer server = new ApiServer(runtime);
        int bound;
        try {
            bound = server.start(config.host(), config.port());
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                runtime.close();
            } catch (Exception e) {
                System.err.println("preuve: error while closing the index: " + e.getMessage());
            }
            stopped.countDown();
        }, "preuve-shutdown"));
        var counts = runtime.index().counts();
        out.printf("Preuve is serving corpus '%s' (%d documents, %d passages indexed) on http://localhost:%d%n",
                corpus.name(), counts.documents(), counts.passages(), bound);
        out.printf("Index: %s   Stop with Ctrl-C.%n", runtime.index().dir());
        out.printf(runtime.audit().check() ? "Audit trail: %s%n"
                : "Audit trail: %s UNAVAILABLE: answers are not recorded (see the error above and GET /api/status)%n",
                runtime.audit().where());
        out.flush();
        if (index) {
            // in the background: its progress and failures are on the console and in GET /api/status
            var unused = runtime.startIndexing(false);
        }
        stopped.await();
        return 0;
    }
}
