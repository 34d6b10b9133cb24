package fr.preuve.eval.support;

import static fr.preuve.eval.report.Html.esc;

import fr.preuve.eval.metrics.Estimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link SupportEvaluation.Result} as a Markdown table for the console and as a self-contained HTML page. */
public final class SupportReport {
    private static final List<String> METRICS = SupportEvaluation.METRICS;
    /** The operating curve's thresholds: 1/20, 2/20 ... 19/20. */
    private static final int CURVE_STEPS = 20;

    private SupportReport() {
    }

    /** The console report: one table per slice, the rows without evidence, the calibration if any. */
    public static String table(SupportEvaluation.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d judgements, judge %s; metrics for the 'supported' class%n",
                r.dataset(), r.full().rows(), r.judge()));
        sb.append(String.format(Locale.ROOT, "%d without evidence: counted as not supported by definition (the judge "
                + "is not called)%n%n", r.full().withoutEvidence()));
        sb.append("At the judge's own threshold:\n\n");
        slices(sb, List.of("full", "calibration half", "held-out half"),
                List.of(r.full(), r.calibrationHalf(), r.heldOut()));
        SupportEvaluation.Calibration c = r.calibration();
        if (c != null) {
            sb.append(String.format(Locale.ROOT, "%nThreshold chosen on the calibration half: %.3f (%s)%n%n",
                    c.threshold(), c.rule()));
            slices(sb, List.of("calibration half", "held-out half", "full"),
                    List.of(c.calibrationHalf(), c.heldOut(), c.full()));
        }
        return sb.toString();
    }

    /** A one-row table of {@code slice} named {@code name}, in the console format. */
    public static String sliceTable(String name, SupportEvaluation.Slice slice) {
        StringBuilder sb = new StringBuilder();
        slices(sb, List.of(name), List.of(slice));
        return sb.toString();
    }

    private static void slices(StringBuilder sb, List<String> names, List<SupportEvaluation.Slice> slices) {
        sb.append("| rows | n | TP | FP | FN | TN | precision [95% CI] | recall [95% CI] | F1 | accuracy [95% CI] |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < names.size(); i++) {
            SupportEvaluation.Slice s = slices.get(i);
            SupportEvaluation.Counts c = s.counts();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |", names.get(i), s.rows(),
                    c.truePositives(), c.falsePositives(), c.falseNegatives(), c.trueNegatives()));
            for (String m : METRICS) {
                sb.append(' ').append(cell(s.metrics().get(m))).append(" |");
            }
            sb.append('\n');
        }
    }

    private static String cell(Estimate e) {
        if (e == null) {
            return "undefined";
        }
        return e.ci95() == null ? String.format(Locale.ROOT, "%.3f", e.value())
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", e.value(), e.lo(), e.hi());
    }

    /** A self-contained HTML page (no scripts, no external assets; every piece of data escaped). */
    public static String html(SupportEvaluation.Result r, String command, String date) {
        StringBuilder h = new StringBuilder(8_192);
        String title = "Preuve support judge: " + r.dataset() + " / " + r.judge();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font:14px/1.4 sans-serif;margin:2em;max-width:1100px;color:#222}"
                        + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}th:first-child,td:first-child{text-align:left}code{background:#f4f4f4;"
                        + "padding:1px 4px}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<dl><dt>Date</dt><dd>").append(esc(date))
                .append("</dd><dt>Command</dt><dd><code>").append(esc(command)).append("</code></dd>")
                .append("<dt>Judgements</dt><dd>").append(r.full().rows()).append(", of which ")
                .append(r.full().withoutEvidence())
                .append(" without evidence (not supported by definition)</dd></dl>\n");
        h.append("<h2>At the judge's own threshold</h2>\n");
        htmlTable(h, List.of("full", "calibration half", "held-out half"),
                List.of(r.full(), r.calibrationHalf(), r.heldOut()));
        SupportEvaluation.Calibration c = r.calibration();
        if (c != null) {
            h.append("<h2>Threshold chosen on the calibration half: ")
                    .append(esc(String.format(Locale.ROOT, "%.3f", c.threshold()))).append("</h2>\n<p>")
                    .append(esc(c.rule())).append("</p>\n");
            htmlTable(h, List.of("calibration half", "held-out half", "full"),
                    List.of(c.calibrationHalf(), c.heldOut(), c.full()));
        }
        h.append("<h2>Operating curve</h2>\n<p>Precision and recall of the <code>supported</code> class if the "
                + "threshold on the score were each value; the judge's own verdicts may also depend on rules besides "
                + "the score.</p>\n<table class=\"curve\"><tr><th>threshold</th>");
        List<String> halves = List.of("calibration half", "held-out half");
        for (String half : halves) {
            h.append("<th>precision (").append(esc(half)).append(")</th><th>recall (").append(esc(half))
                    .append(")</th>");
        }
        h.append("</tr>");
        for (int step = 1; step < CURVE_STEPS; step++) {
            double t = (double) step / CURVE_STEPS;
            h.append("<tr><td>").append(String.format(Locale.ROOT, "%.2f", t)).append("</td>");
            for (boolean cal : new boolean[] {true, false}) {
                Map<String, Estimate> m = SupportEvaluation.slice(SupportEvaluation.half(r.perRow(), cal), t).metrics();
                h.append("<td>").append(esc(cell(m.get("precision")))).append("</td><td>")
                        .append(esc(cell(m.get("recall")))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");
        h.append("<h2>Rows the judge got wrong</h2>\n<table class=\"errors\"><tr><th>id</th><th>label</th><th>score</th>"
                + "<th>reason</th></tr>");
        List<SupportEvaluation.Row> wrong = new ArrayList<>();
        for (SupportEvaluation.Row row : r.perRow()) {
            if (row.supported() != row.positive()) {
                wrong.add(row);
            }
        }
        for (SupportEvaluation.Row row : wrong) {
            h.append("<tr><td>").append(esc(row.id())).append("</td><td>").append(esc(row.label().key()))
                    .append("</td><td>").append(row.score() == null ? "" : esc(String.format(Locale.ROOT, "%.3f",
                            row.score()))).append("</td><td>").append(esc(row.reason())).append("</td></tr>");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static void htmlTable(StringBuilder h, List<String> names, List<SupportEvaluation.Slice> slices) {
        h.append("<table class=\"metrics\"><tr><th>rows</th><th>n</th><th>TP</th><th>FP</th><th>FN</th><th>TN</th>");
        METRICS.forEach(m -> h.append("<th>").append(esc(m)).append("</th>"));
        h.append("</tr>");
        for (int i = 0; i < names.size(); i++) {
            SupportEvaluation.Slice s = slices.get(i);
            SupportEvaluation.Counts c = s.counts();
            h.append("<tr><td>").append(esc(names.get(i))).append("</td><td>").append(s.rows()).append("</td><td>")
                    .append(c.truePositives()).append("</td><td>").append(c.falsePositives()).append("</td><td>")
                    .append(c.falseNegatives()).append("</td><td>").append(c.trueNegatives()).append("</td>");
            Map<String, Estimate> m = s.metrics();
            for (String k : METRICS) {
                h.append("<td>").append(esc(cell(m.get(k)))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");
    }

    /** Writes {@link #html} to {@code file}, creating parent directories. */
    public static void writeHtml(Path file, SupportEvaluation.Result r, String command, String date) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html(r, command, date), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
