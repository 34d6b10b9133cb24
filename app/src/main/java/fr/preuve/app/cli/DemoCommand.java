package fr.preuve.app.cli;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.PreuveConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the demo corpus shipped with Preuve, indexing it in the background on first start. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve the embedded demo corpus (PubMedQA abstracts, WHO guidelines, HAS recommendations and "
                + "drug opinions) on http://localhost:7070, indexing it in the background on first start.")
public class DemoCommand extends PreuveCommand {
    @Option(names = "--port", paramLabel = "N", description = "HTTP port (overrides PREUVE_PORT; default 7070).")
    Integer port;

    @Option(names = "--insecure-no-auth", description = "Serve a non-loopback PREUVE_HOST without authentication.")
    boolean insecureNoAuth;

    @Override
    public Integer call() throws Exception {
        PreuveConfig config = config().withCorpusConfig(Path.of(Defaults.CORPUS_CONFIG));
        if (port != null) {
            config = config.withPort(port);
        }
        return ServeCommand.serve(this, ServeCommand.insecure(config, insecureNoAuth), true);
    }
}
