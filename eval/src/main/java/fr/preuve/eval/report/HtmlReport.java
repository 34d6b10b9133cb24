package fr.preuve.eval.report;

import static fr.preuve.eval.report.Html.ci;
import static fr.preuve.eval.report.Html.esc;
import static fr.preuve.eval.report.Html.f;

import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.beir.Anchors;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.Scores;
import fr.preuve.eval.regression.Regressions;
import fr.preuve.eval.support.SupportEvaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report (no external assets, no JavaScript; plots are inline SVG; every piece of data is
 * escaped). Per run, whatever its kind (retrieval, answers, support judge): metric bars with 95% whiskers and pinned
 * baselines (and, for retrieval, published anchors), the table of figures with n and interval, p50/p95 latency bars
 * (and a histogram when per-call times are known), and the trend of its main metrics and of its latency over the last
 * runs like it.
 *
 * <p>This class lays out the page and its tables; the plots are drawn by {@code MetricBars}, {@code LatencyPlots} and
 * {@code TrendPlot} over the frame, grid and legend of {@code Svg}.
 */
public final class HtmlReport {
    /** Runs shown in a trend plot. */
    public static final int TREND_RUNS = 20;

    private final String title;
    private final String command;
    private final String date;
    private final List<RetrievalEvaluation.Result> beir = new ArrayList<>();
    private final List<AnswerEvaluation.Result> answers = new ArrayList<>();
    private final List<SupportEvaluation.Result> support = new ArrayList<>();
    private List<History.Entry> history = List.of();
    private Regressions baseline;
    private final List<String> breaches = new ArrayList<>();

    public HtmlReport(String title, String command, String date) {
        this.title = title;
        this.command = command;
        this.date = date;
    }

    public HtmlReport add(RetrievalEvaluation.Result r) {
        beir.add(r);
        return this;
    }

    public HtmlReport add(AnswerEvaluation.Result r) {
        answers.add(r);
        return this;
    }

    public HtmlReport add(SupportEvaluation.Result r) {
        support.add(r);
        return this;
    }

    public HtmlReport history(List<History.Entry> entries) {
        history = entries == null ? List.of() : List.copyOf(entries);
        return this;
    }

    /** Pinned scores drawn as the baseline beside the bars (full runs only). */
    public HtmlReport baseline(Regressions r) {
        baseline = r;
        return this;
    }

    public HtmlReport breaches(List<String> lines) {
        breaches.addAll(lines);
        return this;
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public String render() {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font:14px/1.4 sans-serif;margin:2em;max-width:1100px;color:#222}"
                        + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}th:first-child,td:first-child{text-align:left}svg{display:block;margin:.5em 0}"
                        + "code{background:#f4f4f4;padding:1px 4px}.breach{color:#b00020}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<dl>");
        h.append("<dt>Date</dt><dd>").append(esc(date)).append("</dd>");
        h.append("<dt>Command</dt><dd><code>").append(esc(command)).append("</code></dd>");
        List<String> versions = new ArrayList<>();
        List<String> modelNames = new ArrayList<>();
        for (RetrievalEvaluation.Result r : beir) {
            addOnce(versions, r.index() == null ? null : r.index().get("corpusVersion"));
            addOnce(modelNames, r.index() == null ? null : r.index().get("model"));
        }
        for (AnswerEvaluation.Result r : answers) {
            addOnce(versions, r.corpusVersion());
            addOnce(modelNames, r.modelLabel());
        }
        for (SupportEvaluation.Result r : support) {
            addOnce(modelNames, "support judge " + r.judge());
        }
        h.append("<dt>Corpus version</dt><dd>").append(esc(String.join(", ", versions))).append("</dd>");
        h.append("<dt>Model</dt><dd>").append(esc(String.join(", ", modelNames))).append("</dd></dl>\n");
        if (!breaches.isEmpty()) {
            h.append("<h2 class=\"breach\">Breaches</h2><ul class=\"breach\">");
            breaches.forEach(b -> h.append("<li>").append(esc(b)).append("</li>"));
            h.append("</ul>\n");
        }
        for (RetrievalEvaluation.Result r : beir) {
            retrieval(h, r);
        }
        for (AnswerEvaluation.Result r : answers) {
            answers(h, r);
        }
        for (SupportEvaluation.Result r : support) {
            support(h, r);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void addOnce(List<String> list, Object v) {
        if (v != null && !list.contains(v.toString())) {
            list.add(v.toString());
        }
    }

    private void retrieval(StringBuilder h, RetrievalEvaluation.Result r) {
        h.append("<section class=\"retrieval\"><h2>Retrieval: ").append(esc(r.dataset())).append(" / ")
                .append(esc(r.split())).append(" (n = ").append(r.n()).append(" queries)</h2>\n");
        Scores s = r.scores();
        List<String> retrievers = new ArrayList<>(r.retrievers().keySet());
        List<String> metrics = new ArrayList<>();
        r.retrievers().values().forEach(m -> m.keySet().forEach(k -> addOnce(metrics, k)));
        MetricBars.render(h, s, metrics, (ret, metric) -> "test".equals(r.split()) ? Anchors.of(r.dataset(), ret).stream()
                .filter(a -> a.metric().equals(metric)).toList() : List.of(), baseline);

        h.append("<table class=\"metrics\"><tr><th>retriever</th>");
        metrics.forEach(m -> h.append("<th>").append(esc(m)).append("</th>"));
        h.append("<th>published</th></tr>");
        for (String ret : retrievers) {
            h.append("<tr><td>").append(esc(ret)).append("</td>");
            for (String m : metrics) {
                Estimate e = r.retrievers().get(ret).get(m);
                h.append("<td>").append(e == null ? "" : esc(f(e.value(), 4) + ci(e) + " n=" + e.n())).append("</td>");
            }
            StringBuilder pub = new StringBuilder();
            for (Anchors.Anchor a : Anchors.of(r.dataset(), ret)) {
                pub.append(a.metric()).append(' ').append(f(a.value(), 3)).append(" (").append(a.system()).append(") ");
            }
            h.append("<td>").append(esc(pub.toString().trim())).append("</td></tr>");
        }
        h.append("</table>\n");
        LatencyPlots.bars(h, r.latency(), "query");
        TrendPlot.render(h, history, s);
        h.append("</section>\n");
    }

    private void answers(StringBuilder h, AnswerEvaluation.Result r) {
        h.append("<section class=\"answers\"><h2>Answers: ").append(esc(r.dataset())).append(" (")
                .append(r.questions()).append(" questions, mode ").append(esc(r.mode())).append(")</h2>\n");
        h.append("<dl class=\"answer-model\"><dt>Model</dt><dd>").append(esc(r.modelLabel())).append("</dd>")
                .append("<dt>Answers per mode</dt><dd>").append(esc(r.answersByMode() == null ? ""
                        : r.answersByMode().toString())).append("</dd><dt>Support decided by</dt><dd>")
                .append(esc(r.supportCheck())).append("</dd></dl>\n");
        MetricBars.render(h, r.scores(), new ArrayList<>(r.metrics().keySet()), (g, m) -> List.of(), baseline);
        estimates(h, r.metrics());
        LatencyPlots.bars(h, r.latency() == null ? null : Map.of("answer", r.latency()), "answer");
        LatencyPlots.histogram(h, r.perQuestion() == null ? List.of()
                : r.perQuestion().stream().map(AnswerEvaluation.PerQuestion::millis).toList());
        TrendPlot.render(h, history, r.scores());
        h.append("</section>\n");
    }

    private void support(StringBuilder h, SupportEvaluation.Result r) {
        SupportEvaluation.Counts c = r.full().counts();
        h.append("<section class=\"support\"><h2>Support judge: ").append(esc(r.dataset())).append(" (")
                .append(r.full().rows()).append(" judgements, judge ").append(esc(r.judge())).append(")</h2>\n");
        h.append("<p>For the 'supported' class, at the judge's own threshold: TP ").append(c.truePositives())
                .append(", FP ").append(c.falsePositives()).append(", FN ").append(c.falseNegatives()).append(", TN ")
                .append(c.trueNegatives()).append("; ").append(r.full().withoutEvidence())
                .append(" without evidence (not supported by definition).</p>\n");
        MetricBars.render(h, r.scores(), SupportEvaluation.METRICS, (g, m) -> List.of(), baseline);
        estimates(h, r.full().metrics());
        LatencyPlots.bars(h, r.latency() == null ? null : Map.of("judge", r.latency()), "judge call");
        TrendPlot.render(h, history, r.scores());
        h.append("</section>\n");
    }

    /** The figures as a table: value, n, 95% interval. */
    private static void estimates(StringBuilder h, Map<String, Estimate> metrics) {
        h.append("<table class=\"metrics\"><tr><th>metric</th><th>value</th><th>n</th><th>95% CI</th></tr>");
        for (Map.Entry<String, Estimate> e : metrics.entrySet()) {
            Estimate v = e.getValue();
            h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(f(v.value(), 3)).append("</td><td>")
                    .append(v.n()).append("</td><td>")
                    .append(v.ci95() == null ? "" : "[" + f(v.lo(), 3) + ", " + f(v.hi(), 3) + "]").append("</td></tr>");
        }
        h.append("</table>\n");
    }
}
