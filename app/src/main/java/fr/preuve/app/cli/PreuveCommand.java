package fr.preuve.app.cli;

import fr.preuve.app.runtime.ConsoleProgress;
import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.core.embed.EmbedderFactory;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.indexer.config.CorpusConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** What every command that reads the configuration shares: the common options, the console, the runtime. */
abstract class PreuveCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the commands get their embedding models ({@link PreuveCli#execute(EmbedderFactory, String...)}). */
    EmbedderFactory embedders = EmbedderFactory.onnx();

    /** The configuration the options and the environment give. */
    PreuveConfig config() {
        return common.load();
    }

    /** The corpus the configuration declares. */
    static CorpusConfig corpus(PreuveConfig config) {
        return CommonOptions.corpus(config);
    }

    /** The runtime over the configured corpus, read-only (a server may be indexing it). */
    PreuveRuntime readOnly(PreuveConfig config) {
        return PreuveRuntime.readOnly(config, corpus(config), embedders);
    }

    /** The runtime over {@code corpus}, holding its index for writing, indexing progress on stderr. */
    PreuveRuntime writable(PreuveConfig config, CorpusConfig corpus) {
        return PreuveRuntime.writable(config, corpus, ConsoleProgress.stderr(), embedders);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The command as typed, for report headers. */
    String commandLine() {
        List<String> parts = new ArrayList<>();
        parts.add("preuve");
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        CommandLine.ParseResult pr = root.getParseResult() != null ? root.getParseResult()
                : spec.commandLine().getParseResult();
        if (pr != null) {
            parts.addAll(pr.originalArgs());
        }
        return String.join(" ", parts);
    }
}
