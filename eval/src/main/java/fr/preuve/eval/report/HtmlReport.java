package fr.preuve.eval.report;

import static fr.preuve.eval.report.Html.esc;
import static fr.preuve.eval.report.Html.f;

import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.beir.Anchors;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.bench.Latencies;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.regression.Regressions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report (no external assets, no JavaScript; plots are inline SVG; every piece of data is
 * escaped): metric bars per retriever with 95% whiskers, published anchors and pinned baselines; answer metrics with n
 * and interval; latency p50/p95 bars; the trend of the main metric over the last runs of the same dataset.
 */
public final class HtmlReport {
    /** Runs shown in a trend plot. */
    public static final int TREND_RUNS = 20;
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1"};

    private final String title;
    private final String command;
    private final String date;
    private final List<RetrievalEvaluation.Result> beir = new ArrayList<>();
    private final List<AnswerEvaluation.Result> answers = new ArrayList<>();
    private final Map<AnswerEvaluation.Result, String> models = new LinkedHashMap<>();
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

    public HtmlReport add(AnswerEvaluation.Result r, String model) {
        answers.add(r);
        models.put(r, model);
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
            addOnce(modelNames, models.get(r));
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
        List<String> retrievers = new ArrayList<>(r.retrievers().keySet());
        List<String> metrics = new ArrayList<>();
        r.retrievers().values().forEach(m -> m.keySet().forEach(k -> addOnce(metrics, k)));
        // bars: one group per metric, one bar per retriever, whisker = ci95, anchor = dashed line, pin = black tick
        int groupW = 60 + 40 * retrievers.size();
        int w = 60 + groupW * metrics.size() + 170;
        int plotH = 240;
        int top = 20;
        h.append("<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"")
                .append(plotH + top + 50).append("\" role=\"img\" aria-label=\"metric bars\">");
        for (int t = 0; t <= 4; t++) {
            double y = top + plotH - plotH * t / 4.0;
            h.append("<line x1=\"50\" x2=\"").append(w - 170).append("\" y1=\"").append(f(y, 1)).append("\" y2=\"")
                    .append(f(y, 1)).append("\" stroke=\"#eee\"/><text x=\"45\" y=\"").append(f(y + 4, 1))
                    .append("\" font-size=\"11\" text-anchor=\"end\">").append(f(t / 4.0, 2)).append("</text>");
        }
        for (int mi = 0; mi < metrics.size(); mi++) {
            String metric = metrics.get(mi);
            int gx = 60 + mi * groupW;
            for (int ri = 0; ri < retrievers.size(); ri++) {
                String ret = retrievers.get(ri);
                Estimate e = r.retrievers().get(ret).get(metric);
                if (e == null) {
                    continue;
                }
                double x = gx + ri * 40;
                double y = top + plotH * (1 - clamp(e.value()));
                h.append("<rect class=\"bar\" x=\"").append(f(x, 1)).append("\" y=\"").append(f(y, 1))
                        .append("\" width=\"30\" height=\"").append(f(top + plotH - y, 1)).append("\" fill=\"")
                        .append(COLOURS[ri % COLOURS.length]).append("\"><title>").append(esc(ret + " " + metric + " = "
                                + f(e.value(), 4) + ci(e) + ", n = " + e.n())).append("</title></rect>");
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
                for (Anchors.Anchor a : Anchors.of(r.dataset(), ret)) {
                    if (a.metric().equals(metric) && r.split().equals("test")) {
                        double ya = top + plotH * (1 - clamp(a.value()));
                        h.append("<line class=\"anchor\" x1=\"").append(f(x - 3, 1)).append("\" x2=\"").append(f(x + 33, 1))
                                .append("\" y1=\"").append(f(ya, 1)).append("\" y2=\"").append(f(ya, 1))
                                .append("\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"4 2\"><title>")
                                .append(esc("published " + f(a.value(), 3) + ": " + a.system())).append("</title></line>");
                    }
                }
                Double pin = pinned(r, ret, metric);
                if (pin != null) {
                    double yp = top + plotH * (1 - clamp(pin));
                    h.append("<line class=\"pin\" x1=\"").append(f(x, 1)).append("\" x2=\"").append(f(x + 30, 1))
                            .append("\" y1=\"").append(f(yp, 1)).append("\" y2=\"").append(f(yp, 1))
                            .append("\" stroke=\"#000\" stroke-width=\"1\"><title>").append(esc("pinned " + f(pin, 4)))
                            .append("</title></line>");
                }
            }
            h.append("<text x=\"").append(gx + 20 * retrievers.size()).append("\" y=\"").append(top + plotH + 18)
                    .append("\" font-size=\"12\" text-anchor=\"middle\">").append(esc(metric)).append("</text>");
        }
        int lx = w - 160;
        for (int ri = 0; ri < retrievers.size(); ri++) {
            h.append("<rect x=\"").append(lx).append("\" y=\"").append(top + ri * 18).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[ri % COLOURS.length]).append("\"/><text x=\"").append(lx + 16).append("\" y=\"")
                    .append(top + ri * 18 + 10).append("\" font-size=\"12\">").append(esc(retrievers.get(ri))).append("</text>");
        }
        int ly = top + retrievers.size() * 18 + 8;
        h.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 12).append("\" y1=\"").append(ly).append("\" y2=\"")
                .append(ly).append("\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/><text x=\"")
                .append(lx + 16).append("\" y=\"").append(ly + 4).append("\" font-size=\"12\">published anchor</text>");
        h.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 12).append("\" y1=\"").append(ly + 18)
                .append("\" y2=\"").append(ly + 18).append("\" stroke=\"#000\"/><text x=\"").append(lx + 16).append("\" y=\"")
                .append(ly + 22).append("\" font-size=\"12\">pinned baseline</text>");
        h.append("</svg>\n");

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
        latency(h, r.latency());
        String[] main = History.mainMetric("beir");
        trend(h, History.trend(history, "beir", r.dataset(), r.split(), r.n(), TREND_RUNS), main[0], main[1], r.dataset());
        h.append("</section>\n");
    }

    private Double pinned(RetrievalEvaluation.Result r, String retriever, String metric) {
        if (baseline == null) {
            return null;
        }
        for (Regressions.Pin p : baseline.regressions()) {
            if (p.dataset().equals(r.dataset()) && p.split().equals(r.split()) && p.n() == r.n()
                    && p.retriever().equals(retriever) && p.metric().equals(metric)) {
                return p.expected();
            }
        }
        return null;
    }

    private void answers(StringBuilder h, AnswerEvaluation.Result r) {
        h.append("<section class=\"answers\"><h2>Answers: ").append(esc(r.dataset())).append(" (")
                .append(r.questions()).append(" questions, mode ").append(esc(r.mode())).append(", support check ")
                .append(esc(r.supportCheck())).append(")</h2>\n");
        h.append("<table class=\"metrics\"><tr><th>metric</th><th>value</th><th>n</th><th>95% CI</th></tr>");
        for (Map.Entry<String, Estimate> e : r.metrics().entrySet()) {
            Estimate v = e.getValue();
            h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(f(v.value(), 3)).append("</td><td>")
                    .append(v.n()).append("</td><td>")
                    .append(v.ci95() == null ? "" : "[" + f(v.lo(), 3) + ", " + f(v.hi(), 3) + "]").append("</td></tr>");
        }
        h.append("</table>\n");
        latency(h, Map.of("answer", r.latency()));
        String[] main = History.mainMetric("questions");
        trend(h, History.trend(history, "questions", r.dataset(), null, r.questions(), TREND_RUNS), main[0], main[1], r.dataset());
        h.append("</section>\n");
    }

    /** Horizontal p50 and p95 bars per group, on a common scale. */
    private static void latency(StringBuilder h, Map<String, Latencies> lat) {
        if (lat == null || lat.isEmpty()) {
            return;
        }
        double max = lat.values().stream().mapToDouble(Latencies::p95).max().orElse(1);
        max = max <= 0 ? 1 : max;
        int rowH = 40;
        h.append("<h3>Latency (ms per query, p50 / p95)</h3><svg class=\"latency\" xmlns=\"http://www.w3.org/2000/svg\" width=\"700\" height=\"")
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

    /** The main metric over the last runs (oldest left), with its interval as whiskers. */
    private static void trend(StringBuilder h, List<History.Entry> runs, String group, String metric, String dataset) {
        h.append("<h3>Trend: ").append(esc(group + " " + metric)).append(" over the last ").append(runs.size())
                .append(" runs of ").append(esc(dataset)).append(" (same split and n)</h3>\n");
        if (runs.size() < 2) {
            h.append("<p class=\"trend-empty\">Not enough history yet (").append(runs.size()).append(" run").append(runs.size() == 1 ? "" : "s")
                    .append(").</p>\n");
            return;
        }
        int w = 700;
        int ph = 160;
        int top = 15;
        double step = (w - 80.0) / (runs.size() - 1);
        h.append("<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"")
                .append(ph + top + 40).append("\" role=\"img\" aria-label=\"trend\">");
        for (int t = 0; t <= 4; t++) {
            double y = top + ph - ph * t / 4.0;
            h.append("<line x1=\"45\" x2=\"").append(w - 20).append("\" y1=\"").append(f(y, 1)).append("\" y2=\"").append(f(y, 1))
                    .append("\" stroke=\"#eee\"/><text x=\"40\" y=\"").append(f(y + 4, 1))
                    .append("\" font-size=\"11\" text-anchor=\"end\">").append(f(t / 4.0, 2)).append("</text>");
        }
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            History.Entry e = runs.get(i);
            double v = e.value(group, metric);
            if (Double.isNaN(v)) {
                continue;
            }
            double x = 50 + i * step;
            double y = top + ph * (1 - clamp(v));
            pts.append(f(x, 1)).append(',').append(f(y, 1)).append(' ');
            Estimate est = e.metrics().get(group).get(metric);
            if (est.ci95() != null) {
                h.append("<line x1=\"").append(f(x, 1)).append("\" x2=\"").append(f(x, 1)).append("\" y1=\"")
                        .append(f(top + ph * (1 - clamp(est.lo())), 1)).append("\" y2=\"")
                        .append(f(top + ph * (1 - clamp(est.hi())), 1)).append("\" stroke=\"#999\"/>");
            }
            h.append("<circle class=\"run\" cx=\"").append(f(x, 1)).append("\" cy=\"").append(f(y, 1))
                    .append("\" r=\"4\" fill=\"#4e79a7\"><title>").append(esc(e.time() + ": " + f(v, 4) + " (n=" + e.n()
                            + ", corpus " + e.corpusVersion() + ")")).append("</title></circle>");
            h.append("<text x=\"").append(f(x, 1)).append("\" y=\"").append(top + ph + 16)
                    .append("\" font-size=\"10\" text-anchor=\"middle\">").append(esc(shortDate(e.time()))).append("</text>");
        }
        h.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"#4e79a7\"/>");
        h.append("</svg>\n");
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
