package fr.preuve.app.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.core.config.AuthSettings;
import fr.preuve.server.auth.Security;
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

    @Option(names = "--insecure-no-auth", description = "Serve a non-loopback PREUVE_HOST without authentication "
            + "(anyone who reaches the port may ask, read the corpus and write into the audit trail); said on "
            + "/api/status and on the page.")
    boolean insecureNoAuth;

    @Override
    public Integer call() throws Exception {
        PreuveConfig config = config();
        if (port != null) {
            config = config.withPort(port);
        }
        return serve(this, insecure(config, insecureNoAuth), !noIndex);
    }

    /** {@code config}, served open on any address when {@code insecureNoAuth}. */
    static PreuveConfig insecure(PreuveConfig config, boolean insecureNoAuth) {
        return insecureNoAuth ? config.withAuth(config.auth().insecure()) : config;
    }

    /** Serves the corpus {@code config} declares, with the models and console of {@code command}. */
    static int serve(PreuveCommand command, PreuveConfig config, boolean index) throws Exception {
        CorpusConfig corpus = corpus(config);
        PrintWriter out = command.out();
        Security security = Security.of(config, java.time.Clock.systemUTC()); // the runtime's clock
        security.checkBind(config.host()); // before loading anything
        PreuveRuntime runtime = command.writable(config, corpus);
        ApiServer server = new ApiServer(runtime, security);
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
        out.printf("Preuve is serving corpus '%s' (%d documents, %d passages indexed) on http://%s:%d%n",
                corpus.name(), counts.documents(), counts.passages(), urlHost(config.host()), bound);
        out.printf("Index: %s   Stop with Ctrl-C.%n", runtime.index().dir());
        out.println(access(config, security));
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

    private static String urlHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
    }

    /** One line saying who may use the server. */
    private static String access(PreuveConfig config, Security security) {
        AuthSettings auth = config.auth();
        return switch (auth.mode()) {
            case NONE -> auth.insecureNoAuth()
                    ? "Access: WITHOUT AUTHENTICATION on " + config.host() + " (--insecure-no-auth): anyone who reaches "
                            + "the port may use it"
                    : "Access: this machine only (" + config.host() + "), without authentication";
            case TOKENS -> "Access: API tokens (" + config.tokensFile() + ")" + (security.authenticator().tokens().any()
                    ? "" : "; none yet: create one with 'preuve token create --role admin --name NAME'");
            case TRUSTED_HEADER -> "Access: users named in header " + auth.trustedHeader() + " by the proxy at "
                    + String.join(", ", auth.trustedProxies());
        };
    }
}
