package fr.preuve.eval.report;

import static fr.preuve.eval.report.Html.ci;
import static fr.preuve.eval.report.Html.esc;
import static fr.preuve.eval.report.Html.f;

import fr.preuve.eval.beir.Anchors;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.Scores;
import fr.preuve.eval.regression.Regressions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The metric bar plot of a run: its figures on a unit scale, with intervals, published anchors and pinned baselines. */
final class MetricBars {
    private MetricBars() {
    }

    /**
     * Bars with 95% whiskers: one cluster per metric, one bar per group (retriever), published anchors as red dashes
     * and pinned baselines as black ticks.
     */
    static void render(StringBuilder h, Scores s, List<String> metrics,
                       BiFunction<String, String, List<Anchors.Anchor>> anchors, Regressions baseline) {
        List<String> groups = new ArrayList<>(s.groups().keySet());
        boolean longLabels = metrics.stream().anyMatch(m -> m.length() > 12);
        int barW = 30;
        int groupW = 30 + (barW + 10) * groups.size();
        int w = 60 + groupW * metrics.size() + 170;
        int plotH = 240;
        int top = 20;
        int bottom = longLabels ? 190 : 50;
        Svg.open(h, "bars", w, plotH + top + bottom, "metric bars");
        Svg.unitGrid(h, 50, w - 170, top, plotH);
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
                double y = top + plotH * (1 - Svg.clamp(e.value()));
                h.append("<rect class=\"bar\" x=\"").append(f(x, 1)).append("\" y=\"").append(f(y, 1))
                        .append("\" width=\"").append(barW).append("\" height=\"").append(f(top + plotH - y, 1))
                        .append("\" fill=\"").append(Svg.colour(gi)).append("\"><title>")
                        .append(esc(group + " " + metric + " = " + f(e.value(), 4) + ci(e) + ", n = " + e.n()))
                        .append("</title></rect>");
                if (e.ci95() != null) {
                    double ylo = top + plotH * (1 - Svg.clamp(e.lo()));
                    double yhi = top + plotH * (1 - Svg.clamp(e.hi()));
                    h.append("<path class=\"whisker\" d=\"M").append(f(x + 15, 1)).append(' ').append(f(ylo, 1))
                            .append("V").append(f(yhi, 1)).append("M").append(f(x + 9, 1)).append(' ').append(f(ylo, 1))
                            .append("h12M").append(f(x + 9, 1)).append(' ').append(f(yhi, 1))
                            .append("h12\" stroke=\"#222\" fill=\"none\"/>");
                }
                double labelY = (e.ci95() == null ? y : Math.min(y, top + plotH * (1 - Svg.clamp(e.hi())))) - 3;
                h.append("<text x=\"").append(f(x + 15, 1)).append("\" y=\"").append(f(labelY, 1))
                        .append("\" font-size=\"9\" text-anchor=\"middle\">").append(f(e.value(), 3)).append("</text>");
                for (Anchors.Anchor a : anchors.apply(group, metric)) {
                    double ya = top + plotH * (1 - Svg.clamp(a.value()));
                    h.append("<line class=\"anchor\" x1=\"").append(f(x - 3, 1)).append("\" x2=\"").append(f(x + 33, 1))
                            .append("\" y1=\"").append(f(ya, 1)).append("\" y2=\"").append(f(ya, 1))
                            .append("\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"4 2\"><title>")
                            .append(esc("published " + f(a.value(), 3) + ": " + a.system())).append("</title></line>");
                }
                Double pin = baseline == null ? null : baseline.expected(s, group, metric);
                if (pin != null) {
                    double yp = top + plotH * (1 - Svg.clamp(pin));
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
            Svg.swatch(h, lx, top + gi * 18, Svg.colour(gi), 12, groups.get(gi));
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
}
