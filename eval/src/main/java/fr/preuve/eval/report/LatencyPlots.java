package fr.preuve.eval.report;

import static fr.preuve.eval.report.Html.esc;
import static fr.preuve.eval.report.Html.f;

import fr.preuve.eval.bench.Latencies;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The latency plots of a run: p50 / p95 bars per group, and the distribution of per-call times. */
final class LatencyPlots {
    /** Bins of a latency histogram. */
    static final int BINS = 20;

    private LatencyPlots() {
    }

    /** Horizontal p50 and p95 bars per group, on a common scale. */
    static void bars(StringBuilder h, Map<String, Latencies> lat, String unit) {
        if (lat == null || lat.isEmpty()) {
            return;
        }
        double max = lat.values().stream().mapToDouble(Latencies::p95).max().orElse(1);
        max = max <= 0 ? 1 : max;
        int rowH = 40;
        h.append("<h3>Latency (ms per ").append(esc(unit)).append(", p50 / p95)</h3>");
        Svg.open(h, "latency", 700, lat.size() * rowH + 10, "latency");
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

    /** A histogram of per-call latencies (ms), {@value #BINS} bins from 0 to the maximum. */
    static void histogram(StringBuilder h, List<Double> millis) {
        double max = millis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (millis.size() < 2 || max <= 0) {
            return;
        }
        int[] counts = new int[BINS];
        for (double v : millis) {
            counts[Math.min(BINS - 1, (int) (v / max * BINS))]++;
        }
        int most = Arrays.stream(counts).max().orElse(1);
        int w = 700;
        int ph = 120;
        int top = 10;
        double bw = (w - 100.0) / BINS;
        h.append("<h3>Latency distribution (").append(millis.size()).append(" calls, ms)</h3>");
        Svg.open(h, "histogram", w, ph + top + 30, "latency histogram");
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
}
