package fr.preuve.app.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.eval.regression.Regressions;
import fr.preuve.eval.regression.Thresholds;
import fr.preuve.eval.run.EvalRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Options of every evaluation run: where its history goes, and the thresholds and pinned scores it is checked against. */
final class QualityOptions {

    @Option(names = "--history", paramLabel = "FILE", description = "History to append results to (default $PREUVE_HOME/eval/history.jsonl).")
    Path history;

    @Option(names = "--thresholds", paramLabel = "FILE", description = "Minimum scores (default eval/thresholds.yaml when present).")
    Path thresholds;

    @Option(names = "--regressions", paramLabel = "FILE", description = "Pinned scores with tolerances (default eval/regressions.yaml when present).")
    Path regressions;

    /**
     * The thresholds and pins ({@code eval/thresholds.yaml} and {@code eval/regressions.yaml} when not given and
     * present) and the history ({@code $PREUVE_HOME/eval/history.jsonl} when not given).
     */
    EvalRunner.Checks checks(PreuveConfig config) {
        return new EvalRunner.Checks(load(thresholds, "eval/thresholds.yaml", Thresholds::load),
                load(regressions, "eval/regressions.yaml", Regressions::load),
                history != null ? history : config.home().resolve("eval").resolve("history.jsonl"));
    }

    private static <T> T load(Path given, String fallback, Function<Path, T> loader) {
        if (given != null) {
            return loader.apply(given);
        }
        Path p = CommonOptions.resolve(Path.of(fallback));
        return Files.isRegularFile(p) ? loader.apply(p) : null;
    }
}
