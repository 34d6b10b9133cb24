package fr.preuve.eval.report;

import static fr.preuve.eval.report.Html.esc;
import static fr.preuve.eval.report.Html.f;

/** The pieces every inline SVG plot of the report shares: the palette, the unit scale, the frame, grid and legend. */
final class Svg {
    /** Series colours, in order. */
    static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1"};

    private Svg() {
    }

    /** The colour of series {@code i}, cycling through {@link #COLOURS}. */
    static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    /** {@code v} clamped to [0, 1], NaN as 0: the scale of every metric plot. */
    static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** Opens an {@code <svg>} element of class {@code cls}, labelled for screen readers. */
    static void open(StringBuilder h, String cls, int width, int height, String label) {
        h.append("<svg class=\"").append(cls).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"").append(label).append("\">");
    }

    /** Horizontal grid lines at 0, .25, .5, .75 and 1 of a unit-scale plot, labelled left of {@code left}. */
    static void unitGrid(StringBuilder h, int left, int right, int top, int height) {
        for (int t = 0; t <= 4; t++) {
            double y = top + height - height * t / 4.0;
            h.append("<line x1=\"").append(left).append("\" x2=\"").append(right).append("\" y1=\"").append(f(y, 1))
                    .append("\" y2=\"").append(f(y, 1)).append("\" stroke=\"#eee\"/><text x=\"").append(left - 5)
                    .append("\" y=\"").append(f(y + 4, 1)).append("\" font-size=\"11\" text-anchor=\"end\">")
                    .append(f(t / 4.0, 2)).append("</text>");
        }
    }

    /** A legend entry: a colour swatch at ({@code x}, {@code y}) and its label. */
    static void swatch(StringBuilder h, int x, int y, String colour, int fontSize, String label) {
        h.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
                .append(colour).append("\"/><text x=\"").append(x + 16).append("\" y=\"").append(y + 10)
                .append("\" font-size=\"").append(fontSize).append("\">").append(esc(label)).append("</text>");
    }
}
