package fr.preuve.app.cli;

import fr.preuve.core.config.ConfigLoader;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.indexer.config.CorpusConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares: configuration file, home directory, corpus. */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (YAML). Default: $PREUVE_CONFIG, then $PREUVE_HOME/preuve.yaml if present.")
    Path config;

    @Option(names = "--home", paramLabel = "DIR", description = "Where indexes and caches live (overrides PREUVE_HOME; default ~/.preuve).")
    Path home;

    @Option(names = "--corpus", paramLabel = "FILE", description = "Corpus declaration (YAML). Default: PREUVE_CORPUS, then corpus-config/demo.yaml.")
    Path corpus;

    PreuveConfig load() {
        PreuveConfig c = ConfigLoader.system().load(config);
        if (home != null) {
            c = c.withHome(home.toAbsolutePath().normalize());
        }
        if (corpus != null) {
            c = c.withCorpusConfig(corpus);
        }
        return c;
    }

    static CorpusConfig corpus(PreuveConfig config) {
        return CorpusConfig.load(resolve(config.corpusConfig()));
    }

    /** Writes {@code model} as pretty JSON to {@code output} (saying so on {@code out}), or prints it there. */
    static void writeModel(com.fasterxml.jackson.databind.JsonNode model, Path output, java.io.PrintWriter out)
            throws java.io.IOException {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(model) + "\n";
        if (output != null) {
            Files.writeString(resolve(output), json, java.nio.charset.StandardCharsets.UTF_8);
            out.println("wrote " + output);
        } else {
            out.println(json);
        }
        out.flush();
    }

    /**
     * A relative corpus path is looked up in the working directory, then in Preuve's installation directory
     * ({@code -Dpreuve.appDir}, set by the launcher), so {@code ./preuve demo} works from anywhere.
     */
    static Path resolve(Path p) {
        if (p.isAbsolute() || Files.exists(p)) {
            return p;
        }
        String appDir = System.getProperty("preuve.appDir");
        if (appDir != null && Files.exists(Path.of(appDir).resolve(p))) {
            return Path.of(appDir).resolve(p);
        }
        return p;
    }
}
