package fr.preuve.eval.run;

import fr.preuve.core.config.Yaml;
import fr.preuve.eval.regression.QualityGate;
import fr.preuve.eval.regression.Regressions;
import fr.preuve.eval.regression.Thresholds;
import fr.preuve.eval.report.History;
import fr.preuve.eval.report.HtmlReport;
import fr.preuve.eval.support.SupportReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one evaluation pipeline: runs an {@link EvalRun} or a {@link Suite} of them, prints each table, gates each run
 * against the thresholds and the pinned scores, appends it to the history, writes the JSON and HTML reports, and gives
 * the exit code ({@link QualityGate#EXIT_BREACH} with one line per breach on {@code err}).
 */
public final class EvalRunner {

    /**
     * What every run is checked against and where it is recorded.
     *
     * @param thresholds  minimum scores, or null
     * @param regressions pinned scores with tolerances, or null
     * @param history     the history file runs are appended to
     */
    public record Checks(Thresholds thresholds, Regressions regressions, Path history) {
        public Checks {
            Objects.requireNonNull(history, "history");
        }
    }

    /**
     * The reports a run writes.
     *
     * @param json    the result as JSON, or null
     * @param html    the self-contained HTML report, or null
     * @param command the command as typed, for the report's header
     */
    public record Reports(Path json, Path html, String command) {
    }

    /** A run, what it gave and its gate. */
    public record Gated(EvalRun run, Evaluated evaluated, QualityGate gate) {
    }

    private final Evaluator evaluator;
    private final Checks checks;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;

    /** Tables and regression rows go to {@code out}; progress, written files and breaches to {@code err}. */
    public EvalRunner(Evaluator evaluator, Checks checks, Clock clock, PrintWriter out, PrintWriter err) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Runs, prints, gates and records one run. */
    public Gated run(EvalRun run) {
        Evaluated e = evaluator.evaluate(run);
        out.print(e.table());
        QualityGate gate = QualityGate.check(e.scores(), checks.thresholds(), checks.regressions());
        if (!gate.rows().isEmpty()) {
            out.println("regressions:");
            gate.rows().forEach(row -> out.println("  " + row.line()));
        } else if (run instanceof EvalRun.Retrieval r && r.queries() != null) {
            out.println("regressions: none apply to a partial run (--queries " + r.queries() + ")");
        }
        out.flush();
        History.append(checks.history(), e.entry(clock.instant()));
        return new Gated(run, e, gate);
    }

    /** {@code preuve eval beir|questions|support}: one run and its reports; gives the exit code. */
    public int single(EvalRun run, Reports reports) {
        Gated g = run(run);
        String prefix = "preuve eval " + run.kind() + ": ";
        if (reports.json() != null) {
            Yaml.writeJson(reports.json(), g.evaluated().result());
            wrote(prefix, reports.json());
        }
        if (reports.html() != null) {
            String now = clock.instant().toString();
            if (g.evaluated() instanceof Evaluated.Support s && s.calibrated()) {
                SupportReport.writeHtml(reports.html(), s.result(), reports.command(), now);
            } else {
                g.evaluated().addTo(new HtmlReport(g.evaluated().title(), reports.command(), now)).baseline(checks.regressions()).breaches(g.gate().breaches())
                        .history(History.read(checks.history())).write(reports.html());
            }
            wrote(prefix, reports.html());
        }
        return exit(prefix, g.gate().breaches());
    }

    /**
     * {@code preuve eval suite}: every run of {@code suite} in order, then the combined JSON (each run's label, kind,
     * exit code, breaches and result) and HTML; gives the exit code.
     */
    public int suite(String name, Path file, Suite suite, Reports reports) {
        HtmlReport report = new HtmlReport("Preuve evaluation suite: " + name, reports.command(),
                clock.instant().toString());
        List<Map<String, Object>> runs = new ArrayList<>();
        List<String> breaches = new ArrayList<>();
        int i = 0;
        for (Suite.Run declared : suite.runs()) {
            EvalRun run = declared.toRun();
            err.println("preuve eval suite " + name + ": run " + (++i) + "/" + suite.runs().size() + ": " + run.label());
            err.flush();
            Gated g = run(run);
            g.evaluated().addTo(report);
            breaches.addAll(g.gate().breaches());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("run", run.label());
            entry.put("kind", run.kind());
            entry.put("exit", g.gate().exitCode());
            entry.put("breaches", g.gate().breaches());
            entry.put("result", g.evaluated().result());
            runs.add(entry);
        }
        String prefix = "preuve eval suite: ";
        if (reports.json() != null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("suite", name);
            all.put("file", file.toString());
            all.put("time", clock.instant().toString());
            all.put("runs", runs);
            all.put("breaches", breaches);
            Yaml.writeJson(reports.json(), all);
            wrote(prefix, reports.json());
        }
        if (reports.html() != null) {
            report.history(History.read(checks.history())).breaches(breaches).baseline(checks.regressions())
                    .write(reports.html());
            wrote(prefix, reports.html());
        }
        out.println("suite " + name + ": " + suite.runs().size() + " runs, " + breaches.size() + " breach"
                + (breaches.size() == 1 ? "" : "es"));
        out.flush();
        return exit(prefix, breaches);
    }

    private void wrote(String prefix, Path file) {
        err.println(prefix + "wrote " + file);
        err.flush();
    }

    private int exit(String prefix, List<String> breaches) {
        breaches.forEach(b -> err.println(prefix + b));
        err.flush();
        return breaches.isEmpty() ? QualityGate.EXIT_OK : QualityGate.EXIT_BREACH;
    }
}
