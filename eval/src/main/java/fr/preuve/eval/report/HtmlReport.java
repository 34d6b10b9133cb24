package fr.preuve.eval.report;

import static fr.preuve.eval.report.Html.esc;
import static fr.preuve.eval.report.Html.f;

import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.beir.Anchors;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.bench.Latencies;
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
import java.util.function.BiFunction;

/**
 * A self-contained HTML report (no external assets, no JavaScript; plots are inline SVG; every piece of data is
 * escaped). Per run, whatever its kind (retrieval, answers, support judge): metric bars with 95% whiskers and pinned
 * baselines (and, for retrieval, published anchors), the table of figures with n and interval, p50/p95 latency bars
 * (and a histogram when per-call times are known), and the trend of its main metrics and of its latency over the last
 * runs like it.
 */
public final class HtmlReport {
    /** Runs shown in a trend plot. */
    public static final int TREND_RUNS = 20;
    /** Bins of a latency histogram. */
    static final int BINS = 20;
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1"};

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
        bars(h, s, metrics, (ret, metric) -> "test".equals(r.split()) ? Anchors.of(r.dataset(), ret).stream()
                .filter(a -> a.metric().equals(metric)).toList() : List.of());

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
        latency(h, r.latency(), "query");
        trends(h, s);
        h.append("</section>\n");
    }

    /**
     * Bars with 95% whiskers: one cluster per metric, one bar per group (retriever), published anchors as red dashes
     * and pinned baselines as black ticks.
     */
    private void bars(StringBuilder h, Scores s, List<String> metrics,
                      BiFunction<String, String, List<Anchors.Anchor>> anchors) {
        List<String> groups = new ArrayList<>(s.groups().keySet());
        boolean longLabels = metrics.stream().anyMatch(m -> m.length() > 12);
        int barW = 30;
        int groupW = 30 + (barW + 10) * groups.size();
        int w = 60 + groupW * metrics.size() + 170;
        int plotH = 240;
        int top = 20;
        int bottom = longLabels ? 190 : 50;
        h.append("<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"")
                .append(plotH + top + bottom).append("\" role=\"img\" aria-label=\"metric bars\">");
        for (int t = 0; t <= 4; t++) {
            double y = top + plotH - plotH * t / 4.0;
            h.append("<line x1=\"50\" x2=\"").append(w - 170).append("\" y1=\"").append(f(y, 1)).append("\" y2=\"")
                    .append(f(y, 1)).append("\" stroke=\"#eee\"/><text x=\"45\" y=\"").append(f(y + 4, 1))
                    .append("\" font-size=\"11\" text-anchor=\"end\">").append(f(t / 4.0, 2)).append("</text>");
        }
        for (int mi = 0; mi < metrics.size(); mi++) {
            String metric = metrics.get(mi);
            int gx = 60 + mi * groupW;
            for (int gi = 0; gi < groups.size(); gi++) {
                String group = groups.get(gi);
                Estimate e = s.estimate(group, metric);
                if (e == null) {
                    continue;
                }
                double x = gx + gi * (barW + 10);
                double y = top + plotH * (1 - clamp(e.value()));
                h.append("<rect class=\"bar\" x=\"").append(f(x, 1)).append("\" y=\"").append(f(y, 1))
                        .append("\" width=\"").append(barW).append("\" height=\"").append(f(top + plotH - y, 1))
                        .append("\" fill=\"").append(COLOURS[gi % COLOURS.length]).append("\"><title>")
                        .append(esc(group + " " + metric + " = " + f(e.value(), 4) + ci(e) + ", n = " + e.n()))
                        .append("</title></rect>");
                if (e.ci95() != null) {
                    double ylo = top + plotH * (1 - clamp(e.lo()));
                    double yhi = top + plotH * (1 - clamp(e.hi()));
                    h.append("<path class=\"whisker\" d=\"M").append(f(x + 15, 1)).append(' ').append(f(ylo, 1))
                            .append("V").append(f(yhi, 1)).append("M").append(f(x + 9, 1)).append(' ').append(f(ylo, 1))
                            .append("h12M").append(f(x + 9, 1)).append(' ').append(f(yhi, 1))
                            .append("h12\" stroke=\"#222\" fill=\"none\"/>");
                }
                double labelY = (e.ci95() == null ? y : Math.min(y, top + plotH * (1 - clamp(e.hi())))) - 3;
                h.append("<text x=\"").append(f(x + 15, 1)).append("\" y=\"").append(f(labelY, 1))
                        .append("\" font-size=\"9\" text-anchor=\"middle\">").append(f(e.value(), 3)).append("</text>");
                for (Anchors.Anchor a : anchors.apply(group, metric)) {
                    double ya = top + plotH * (1 - clamp(a.value()));
                    h.append("<line class=\"anchor\" x1=\"").append(f(x - 3, 1)).append("\" x2=\"").append(f(x + 33, 1))
                            .append("\" y1=\"").append(f(ya, 1)).append("\" y2=\"").append(f(ya, 1))
                            .append("\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"4 2\"><title>")
                            .append(esc("published " + f(a.value(), 3) + ": " + a.system())).append("</title></line>");
                }
                Double pin = baseline == null ? null : baseline.expected(s, group, metric);
                if (pin != null) {
                    double yp = top + plotH * (1 - clamp(pin));
                    h.append("<line class=\"pin\" x1=\"").append(f(x, 1)).append("\" x2=\"").append(f(x + 30, 1))
                            .append("\" y1=\"").append(f(yp, 1)).append("\" y2=\"").append(f(yp, 1))
                            .append("\" stroke=\"#000\" stroke-width=\"1\"><title>").append(esc("pinned " + f(pin, 4)))
                            .append("</title></line>");
                }
            }
            int lx0 = gx + (barW + 10) * groups.size() / 2;
            int ly0 = top + plotH + 18;
            h.append("<text x=\"").append(lx0).append("\" y=\"").append(ly0).append("\" font-size=\"12\" text-anchor=\"")
                    .append(longLabels ? "start\" transform=\"rotate(40 " + lx0 + " " + ly0 + ")" : "middle")
                    .append("\">").append(esc(metric)).append("</text>");
        }
        int lx = w - 160;
        for (int gi = 0; gi < groups.size(); gi++) {
            h.append("<rect x=\"").append(lx).append("\" y=\"").append(top + gi * 18).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[gi % COLOURS.length]).append("\"/><text x=\"").append(lx + 16).append("\" y=\"")
                    .append(top + gi * 18 + 10).append("\" font-size=\"12\">").append(esc(groups.get(gi))).append("</text>");
        }
        int ly = top + groups.size() * 18 + 8;
        if (Scores.BEIR.equals(s.kind())) {
            h.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 12).append("\" y1=\"").append(ly)
                    .append("\" y2=\"").append(ly).append("\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>")
                    .append("<text x=\"").append(lx + 16).append("\" y=\"").append(ly + 4)
                    .append("\" font-size=\"12\">published anchor</text>");
            ly += 18;
        }
        h.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 12).append("\" y1=\"").append(ly)
                .append("\" y2=\"").append(ly).append("\" stroke=\"#000\"/><text x=\"").append(lx + 16).append("\" y=\"")
                .append(ly + 4).append("\" font-size=\"12\">pinned baseline</text>");
        h.append("</svg>\n");
    }

    private void answers(StringBuilder h, AnswerEvaluation.Result r) {
        h.append("<section class=\"answers\"><h2>Answers: ").append(esc(r.dataset())).append(" (")
                .append(r.questions()).append(" questions, mode ").append(esc(r.mode())).append(")</h2>\n");
        h.append("<dl class=\"answer-model\"><dt>Model</dt><dd>").append(esc(r.modelLabel())).append("</dd>")
                .append("<dt>Answers per mode</dt><dd>").append(esc(r.answersByMode() == null ? ""
                        : r.answersByMode().toString())).append("</dd><dt>Support decided by</dt><dd>")
                .append(esc(r.supportCheck())).append("</dd></dl>\n");
        bars(h, r.scores(), new ArrayList<>(r.metrics().keySet()), (g, m) -> List.of());
        estimates(h, r.metrics());
        latency(h, r.latency() == null ? null : Map.of("answer", r.latency()), "answer");
        histogram(h, r.perQuestion() == null ? List.of()
                : r.perQuestion().stream().map(AnswerEvaluation.PerQuestion::millis).toList());
        trends(h, r.scores());
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
        bars(h, r.scores(), SupportEvaluation.METRICS, (g, m) -> List.of());
        estimates(h, r.full().metrics());
        latency(h, r.latency() == null ? null : Map.of("judge", r.latency()), "judge call");
        trends(h, r.scores());
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

    /** Horizontal p50 and p95 bars per group, on a common scale. */
    private static void latency(StringBuilder h, Map<String, Latencies> lat, String unit) {
        if (lat == null || lat.isEmpty()) {
            return;
        }
        double max = lat.values().stream().mapToDouble(Latencies::p95).max().orElse(1);
        max = max <= 0 ? 1 : max;
        int rowH = 40;
        h.append("<h3>Latency (ms per ").append(esc(unit)).append(", p50 / p95)</h3><svg class=\"latency\" xmlns=\"http://www.w3.org/2000/svg\" width=\"700\" height=\"")
                .append(lat.size() * rowH + 10).append("\" role=\"img\" aria-label=\"latency\">");
        int i = 0;
        for (Map.Entry<String, Latencies> e : lat.entrySet()) {
            Latencies l = e.getValue();
            int y = 5 + i * rowH;
            double w95 = 450 * l.p95() / max;
            double w50 = 450 * l.p50() / max;
            h.append("<text x=\"0\" y=\"").append(y + 20).append("\" font-size=\"12\">").append(esc(e.getKey())).append("</text>");
            h.append("<rect class=\"p95\" x=\"90\" y=\"").append(y).append("\" width=\"").append(f(w95, 1))
                    .append("\" height=\"14\" fill=\"#f28e2b\"/><rect class=\"p50\" x=\"90\" y=\"").append(y + 16)
                    .append("\" width=\"").append(f(w50, 1)).append("\" height=\"14\" fill=\"#4e79a7\"/>");
            h.append("<text x=\"").append(f(95 + w95, 1)).append("\" y=\"").append(y + 11).append("\" font-size=\"11\">p95 ")
                    .append(f(l.p95(), 1)).append("</text><text x=\"").append(f(95 + w50, 1)).append("\" y=\"").append(y + 27)
                    .append("\" font-size=\"11\">p50 ").append(f(l.p50(), 1)).append(" (n=").append(l.n()).append(", max ")
                    .append(f(l.max(), 1)).append(")</text>");
            i++;
        }
        h.append("</svg>\n");
    }

    /**
     * The trend metrics of the run's kind ({@link History#trendMetrics}) over the last {@value #TREND_RUNS} runs like it
     * (oldest left), one line per metric, intervals as whiskers, and the p50/p95 latency of the same runs.
     */
    private void trends(StringBuilder h, Scores s) {
        List<History.Entry> runs = History.trend(history, s, TREND_RUNS);
        List<String[]> series = History.trendMetrics(s.kind());
        List<String> names = series.stream().map(g -> g[0] + " " + g[1]).toList();
        h.append("<h3>Trend: ").append(esc(String.join(", ", names))).append(" over the last ").append(runs.size())
                .append(" runs of ").append(esc(s.label())).append(" (same n = ").append(s.n()).append(", mode ")
                .append(esc(s.mode())).append(")</h3>\n");
        if (runs.size() < 2) {
            h.append("<p class=\"trend-empty\">Not enough history yet (").append(runs.size()).append(" run")
                    .append(runs.size() == 1 ? "" : "s").append(").</p>\n");
            return;
        }
        int w = 700;
        int ph = 160;
        int top = 15;
        double step = (w - 250.0) / (runs.size() - 1);
        h.append("<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"")
                .append(ph + top + 40).append("\" role=\"img\" aria-label=\"trend\">");
        for (int t = 0; t <= 4; t++) {
            double y = top + ph - ph * t / 4.0;
            h.append("<line x1=\"45\" x2=\"").append(w - 190).append("\" y1=\"").append(f(y, 1)).append("\" y2=\"")
                    .append(f(y, 1)).append("\" stroke=\"#eee\"/><text x=\"40\" y=\"").append(f(y + 4, 1))
                    .append("\" font-size=\"11\" text-anchor=\"end\">").append(f(t / 4.0, 2)).append("</text>");
        }
        for (int i = 0; i < runs.size(); i++) {
            h.append("<text x=\"").append(f(50 + i * step, 1)).append("\" y=\"").append(top + ph + 16)
                    .append("\" font-size=\"10\" text-anchor=\"middle\">").append(esc(shortDate(runs.get(i).time())))
                    .append("</text>");
        }
        for (int si = 0; si < series.size(); si++) {
            String group = series.get(si)[0];
            String metric = series.get(si)[1];
            String colour = COLOURS[si % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                History.Entry e = runs.get(i);
                Map<String, Estimate> m = e.metrics() == null ? null : e.metrics().get(group);
                Estimate est = m == null ? null : m.get(metric);
                if (est == null) {
                    continue;
                }
                double x = 50 + i * step;
                double y = top + ph * (1 - clamp(est.value()));
                pts.append(f(x, 1)).append(',').append(f(y, 1)).append(' ');
                if (est.ci95() != null) {
                    h.append("<line x1=\"").append(f(x, 1)).append("\" x2=\"").append(f(x, 1)).append("\" y1=\"")
                            .append(f(top + ph * (1 - clamp(est.lo())), 1)).append("\" y2=\"")
                            .append(f(top + ph * (1 - clamp(est.hi())), 1)).append("\" stroke=\"").append(colour)
                            .append("\" stroke-opacity=\"0.4\"/>");
                }
                h.append("<circle class=\"run\" cx=\"").append(f(x, 1)).append("\" cy=\"").append(f(y, 1))
                        .append("\" r=\"4\" fill=\"").append(colour).append("\"><title>").append(esc(e.time() + ": "
                                + metric + " " + f(est.value(), 4) + " (n=" + est.n() + ", corpus " + e.corpusVersion()
                                + ", model " + e.model() + ")")).append("</title></circle>");
            }
            if (!pts.isEmpty()) {
                h.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"")
                        .append(colour).append("\"/>");
            }
            h.append("<rect x=\"").append(w - 180).append("\" y=\"").append(top + si * 18)
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(colour).append("\"/><text x=\"")
                    .append(w - 164).append("\" y=\"").append(top + si * 18 + 10).append("\" font-size=\"11\">")
                    .append(esc(names.get(si))).append("</text>");
        }
        h.append("</svg>\n");
        latencyTrend(h, runs);
    }

    /** p50 and p95 latency of the same runs (hybrid for retrieval), on their own scale in ms. */
    private static void latencyTrend(StringBuilder h, List<History.Entry> runs) {
        List<Latencies> lat = new ArrayList<>();
        for (History.Entry e : runs) {
            Latencies l = null;
            if (e.latency() != null && !e.latency().isEmpty()) {
                l = e.latency().containsKey("hybrid") ? e.latency().get("hybrid") : e.latency().values().iterator().next();
            }
            lat.add(l);
        }
        double max = lat.stream().filter(java.util.Objects::nonNull).mapToDouble(Latencies::p95).max().orElse(0);
        if (max <= 0) {
            return;
        }
        int w = 700;
        int ph = 100;
        int top = 20;
        double step = (w - 250.0) / (runs.size() - 1);
        h.append("<svg class=\"latency-trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w)
                .append("\" height=\"").append(ph + top + 25).append("\" role=\"img\" aria-label=\"latency trend\">")
                .append("<text x=\"2\" y=\"").append(top - 4).append("\" font-size=\"11\">")
                .append(f(max, 0)).append(" ms</text><text x=\"40\" y=\"").append(top + ph + 4)
                .append("\" font-size=\"11\" text-anchor=\"end\">0</text>");
        String[] names = {"p50", "p95"};
        for (int k = 0; k < 2; k++) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < lat.size(); i++) {
                Latencies l = lat.get(i);
                if (l == null) {
                    continue;
                }
                double v = k == 0 ? l.p50() : l.p95();
                double x = 50 + i * step;
                double y = top + ph * (1 - v / max);
                pts.append(f(x, 1)).append(',').append(f(y, 1)).append(' ');
                h.append("<circle class=\"latency-run\" cx=\"").append(f(x, 1)).append("\" cy=\"").append(f(y, 1))
                        .append("\" r=\"3\" fill=\"").append(COLOURS[k]).append("\"><title>")
                        .append(esc(runs.get(i).time() + ": " + names[k] + " " + f(v, 1) + " ms (n=" + l.n() + ")"))
                        .append("</title></circle>");
            }
            h.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"")
                    .append(COLOURS[k]).append("\"/><text x=\"").append(w - 180).append("\" y=\"").append(top + 10 + k * 16)
                    .append("\" font-size=\"11\" fill=\"").append(COLOURS[k]).append("\">").append(names[k])
                    .append(" latency (ms)</text>");
        }
        h.append("</svg>\n");
    }

    /** A histogram of per-call latencies (ms), {@value #BINS} bins from 0 to the maximum. */
    private static void histogram(StringBuilder h, List<Double> millis) {
        double max = millis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (millis.size() < 2 || max <= 0) {
            return;
        }
        int[] counts = new int[BINS];
        for (double v : millis) {
            counts[Math.min(BINS - 1, (int) (v / max * BINS))]++;
        }
        int most = java.util.Arrays.stream(counts).max().orElse(1);
        int w = 700;
        int ph = 120;
        int top = 10;
        double bw = (w - 100.0) / BINS;
        h.append("<h3>Latency distribution (").append(millis.size()).append(" calls, ms)</h3><svg class=\"histogram\" ")
                .append("xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"")
                .append(ph + top + 30).append("\" role=\"img\" aria-label=\"latency histogram\">");
        for (int b = 0; b < BINS; b++) {
            double bh = ph * (double) counts[b] / most;
            double x = 50 + b * bw;
            h.append("<rect class=\"bin\" x=\"").append(f(x, 1)).append("\" y=\"").append(f(top + ph - bh, 1))
                    .append("\" width=\"").append(f(bw - 2, 1)).append("\" height=\"").append(f(bh, 1))
                    .append("\" fill=\"#4e79a7\"><title>").append(esc(f(max * b / BINS, 0) + "–"
                            + f(max * (b + 1) / BINS, 0) + " ms: " + counts[b])).append("</title></rect>");
        }
        h.append("<text x=\"50\" y=\"").append(top + ph + 16).append("\" font-size=\"11\">0</text><text x=\"")
                .append(w - 50).append("\" y=\"").append(top + ph + 16).append("\" font-size=\"11\" text-anchor=\"end\">")
                .append(f(max, 0)).append(" ms</text><text x=\"45\" y=\"").append(top + 8)
                .append("\" font-size=\"11\" text-anchor=\"end\">").append(most).append("</text></svg>\n");
    }

    private static String shortDate(String iso) {
        return iso == null ? "" : iso.length() >= 16 ? iso.substring(5, 16).replace('T', ' ') : iso;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    private static String ci(Estimate e) {
        return e.ci95() == null ? "" : " [" + f(e.lo(), 3) + ", " + f(e.hi(), 3) + "]";
    }
}
