package fr.preuve.app.cli;

import fr.preuve.core.config.ConfigException;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.embed.EmbeddingSpec;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.IndexCounts;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.DocumentOutcome;
import fr.preuve.indexer.pipeline.IndexProgress;
import fr.preuve.indexer.versions.CorpusHistory;
import fr.preuve.indexer.versions.CorpusStatus;
import fr.preuve.indexer.versions.CorpusVersion;
import fr.preuve.indexer.versions.LastRun;
import fr.preuve.indexer.versions.VersionDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The librarian's commands: check declarations, see the corpus's state, list, diff and roll back its versions. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Check corpus declarations; show a corpus's status, versions and their differences; roll back.",
        subcommands = {CorpusCommand.Check.class, CorpusCommand.Status.class, CorpusCommand.Versions.class,
                CorpusCommand.Diff.class, CorpusCommand.Rollback.class})
public class CorpusCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Lines of ids, at most {@code max}, then how many more. */
    static void printIds(PrintWriter out, String label, List<String> ids, int max) {
        out.printf("%s (%d)%s%n", label, ids.size(), ids.isEmpty() ? "" : ":");
        ids.stream().limit(max).forEach(id -> out.println("  " + id));
        if (ids.size() > max) {
            out.printf("  ... and %d more%n", ids.size() - max);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate corpus declarations (default: every corpus-config/*.yaml); exit 1 on any error.")
    static class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILES", arity = "0..*", description = "Corpus files to check.")
        List<Path> files = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<Path> targets = files.isEmpty() ? declarations() : files;
            int errors = 0;
            for (Path f : targets) {
                try {
                    CorpusConfig c = CorpusConfig.load(CommonOptions.resolve(f));
                    String model = c.embedding() instanceof EmbeddingSpec.OnDisk d
                            ? ", embedding " + d.name() + " from " + d.model() : "";
                    out.printf("OK     %s (%s: %d sources%s)%n", f, c.name(), c.sources().size(), model);
                } catch (ConfigException | IllegalArgumentException e) {
                    errors++;
                    out.printf("ERROR  %s%n", e.getMessage());
                }
            }
            out.printf("%d checked, %d with errors%n", targets.size(), errors);
            return errors == 0 ? 0 : 1;
        }

        private static List<Path> declarations() throws IOException {
            Path dir = CommonOptions.resolve(Path.of("corpus-config"));
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("no corpus-config directory here; name the files to check");
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Documents and passages per source, licences, the last run and its failures.")
    static class Status extends PreuveCommand {

        @Override
        public Integer call() throws IOException {
            PreuveConfig config = config();
            CorpusConfig corpus = corpus(config);
            Path dir = corpus.indexDir(config);
            CorpusState state = new CorpusState(corpus.name(), null, null, false, null, null, null);
            Map<String, IndexCounts.SourceCount> counts = Map.of();
            if (PassageIndex.exists(dir)) {
                try (PassageIndex index = PassageIndex.openReadOnly(dir)) {
                    state = CorpusState.from(index.commitData());
                    counts = index.countsByOrigin();
                }
            }
            CorpusStatus s = CorpusStatus.of(corpus, state, counts, CorpusHistory.forIndex(dir), IndexProgress.idle("-"));
            PrintWriter out = out();
            out.printf("corpus %s: %s%n", s.corpus(), s.version() == null ? "not indexed yet (preuve index)"
                    : "version " + s.version() + " of " + s.date() + (state.complete() ? "" : "; a run was interrupted"));
            out.printf("%-34s %-14s %9s %9s  %s%n", "source", "type", "documents", "passages", "licence");
            for (CorpusStatus.SourceStatus src : s.sources()) {
                out.printf("%-34s %-14s %9d %9d  %s%n", src.name(), src.type(), src.documents(), src.passages(),
                        src.licence() == null ? "(none declared)" : src.licence());
            }
            LastRun last = s.lastRun();
            if (last == null) {
                out.println("last run: none recorded");
                return 0;
            }
            out.printf("last run: %s, %.1f s: %d added, %d changed, %d unchanged, %d removed; %d embedded, %d from the "
                            + "cache; %d failures%n", last.finished(), last.seconds(), last.added(), last.changed(),
                    last.unchanged(), last.removed(), last.embedded(), last.reused(), last.failures());
            for (DocumentOutcome.Failed f : last.failed()) {
                out.printf("  failed: %s [%s]: %s%n", f.location(), f.source(), f.reason());
            }
            return 0;
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true,
            description = "The corpus's versions, newest first; * marks those that can be rolled back to.")
    static class Versions extends PreuveCommand {

        @Override
        public Integer call() {
            PreuveConfig config = config();
            CorpusConfig corpus = corpus(config);
            Path dir = corpus.indexDir(config);
            List<CorpusVersion> versions = CorpusHistory.forIndex(dir).versions().reversed();
            Set<String> kept = PassageIndex.keptVersions(dir).stream().map(CorpusState::version).collect(Collectors.toSet());
            PrintWriter out = out();
            if (versions.isEmpty()) {
                out.println("no version recorded yet for corpus " + corpus.name() + " (preuve index)");
                return 0;
            }
            for (CorpusVersion v : versions) {
                out.printf("%s %-34s %-24s %-8s %6d documents %7d passages  +%d ~%d -%d%s%n",
                        kept.contains(v.version()) ? "*" : " ", v.version(), v.date(), v.event(), v.documents(),
                        v.passages(), v.added(), v.changed(), v.removed(), v.note() == null ? "" : "  (" + v.note() + ")");
            }
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Documents added, changed and removed between two versions.")
    static class Diff extends PreuveCommand {
        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "TO")
        String to;

        @Option(names = "--max", paramLabel = "N", description = "Ids listed per kind (default: 50).")
        int max = 50;

        @Override
        public Integer call() {
            PreuveConfig config = config();
            CorpusConfig corpus = corpus(config);
            VersionDiff d = CorpusHistory.forIndex(corpus.indexDir(config)).diff(from, to);
            PrintWriter out = out();
            out.printf("%s -> %s: %d added, %d changed, %d removed%n", from, to, d.added().size(), d.changed().size(),
                    d.removed().size());
            printIds(out, "added", d.added(), max);
            printIds(out, "changed", d.changed(), max);
            printIds(out, "removed", d.removed(), max);
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Make an earlier version current again (the server must be stopped). Without --yes, only "
                    + "shows what would change.")
    static class Rollback extends PreuveCommand {
        @Parameters(index = "0", paramLabel = "VERSION")
        String version;

        @Option(names = "--yes", description = "Really roll back.")
        boolean yes;

        @Override
        public Integer call() {
            PreuveConfig config = config();
            CorpusConfig corpus = corpus(config);
            CorpusHistory history = CorpusHistory.forIndex(corpus.indexDir(config));
            PrintWriter out = out();
            if (!yes) {
                String current = history.latest().map(CorpusVersion::version)
                        .orElseThrow(() -> new IllegalStateException("no version recorded yet: nothing to roll back"));
                VersionDiff d = history.diff(current, version);
                out.printf("rolling back %s -> %s would add %d, change %d and remove %d documents; add --yes to do it%n",
                        current, version, d.added().size(), d.changed().size(), d.removed().size());
                return 1;
            }
            CorpusVersion line = history.rollback(version, Instant.now());
            out.printf("%s: %d added, %d changed, %d removed; %d documents, %d passages%n", line.note(), line.added(),
                    line.changed(), line.removed(), line.documents(), line.passages());
            return 0;
        }
    }
}
