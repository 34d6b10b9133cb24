package fr.preuve.eval.report;

import static fr.preuve.eval.report.Html.esc;
import static fr.preuve.eval.report.Html.f;

import fr.preuve.eval.bench.Latencies;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The trend plots of a run: its main metrics and its latency over the last runs like it in the history. */
final class TrendPlot {
    /** Width of both trend plots; the runs spread over all of it but the legend. */
    private static final int WIDTH = 700;

    private TrendPlot() {
    }

    /** Horizontal distance between consecutive runs (at least two) in either plot. */
    private static double runStep(int runs) {
        return (WIDTH - 250.0) / (runs - 1);
    }

    /**
     * The trend metrics of the run's kind ({@link History#trendMetrics}) over the last {@value HtmlReport#TREND_RUNS} runs like it
     * (oldest left), one line per metric, intervals as whiskers, and the p50/p95 latency of the same runs.
     */
    static void render(StringBuilder h, List<History.Entry> history, Scores s) {
        List<History.Entry> runs = History.trend(history, s, HtmlReport.TREND_RUNS);
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
        int ph = 160;
        int top = 15;
        double step = runStep(runs.size());
        Svg.open(h, "trend", WIDTH, ph + top + 40, "trend");
        Svg.unitGrid(h, 45, WIDTH - 190, top, ph);
        for (int i = 0; i < runs.size(); i++) {
            h.append("<text x=\"").append(f(50 + i * step, 1)).append("\" y=\"").append(top + ph + 16)
                    .append("\" font-size=\"10\" text-anchor=\"middle\">").append(esc(shortDate(runs.get(i).time())))
                    .append("</text>");
        }
        for (int si = 0; si < series.size(); si++) {
            String group = series.get(si)[0];
            String metric = series.get(si)[1];
            String colour = Svg.colour(si);
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                History.Entry e = runs.get(i);
                Map<String, Estimate> m = e.metrics() == null ? null : e.metrics().get(group);
                Estimate est = m == null ? null : m.get(metric);
                if (est == null) {
                    continue;
                }
                double x = 50 + i * step;
                double y = top + ph * (1 - Svg.clamp(est.value()));
                pts.append(f(x, 1)).append(',').append(f(y, 1)).append(' ');
                if (est.ci95() != null) {
                    h.append("<line x1=\"").append(f(x, 1)).append("\" x2=\"").append(f(x, 1)).append("\" y1=\"")
                            .append(f(top + ph * (1 - Svg.clamp(est.lo())), 1)).append("\" y2=\"")
                            .append(f(top + ph * (1 - Svg.clamp(est.hi())), 1)).append("\" stroke=\"").append(colour)
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
            Svg.swatch(h, WIDTH - 180, top + si * 18, colour, 11, names.get(si));
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
        double max = lat.stream().filter(Objects::nonNull).mapToDouble(Latencies::p95).max().orElse(0);
        if (max <= 0) {
            return;
        }
        int ph = 100;
        int top = 20;
        double step = runStep(runs.size());
        Svg.open(h, "latency-trend", WIDTH, ph + top + 25, "latency trend");
        h.append("<text x=\"2\" y=\"").append(top - 4).append("\" font-size=\"11\">")
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
                        .append("\" r=\"3\" fill=\"").append(Svg.COLOURS[k]).append("\"><title>")
                        .append(esc(runs.get(i).time() + ": " + names[k] + " " + f(v, 1) + " ms (n=" + l.n() + ")"))
                        .append("</title></circle>");
            }
            h.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"")
                    .append(Svg.COLOURS[k]).append("\"/><text x=\"").append(WIDTH - 180).append("\" y=\"").append(top + 10 + k * 16)
                    .append("\" font-size=\"11\" fill=\"").append(Svg.COLOURS[k]).append("\">").append(names[k])
                    .append(" latency (ms)</text>");
        }
        h.append("</svg>\n");
    }

    private static String shortDate(String iso) {
        return iso == null ? "" : iso.length() >= 16 ? iso.substring(5, 16).replace('T', ' ') : iso;
    }
}
