package fr.preuve.eval.report;

import fr.preuve.eval.metrics.Estimate;
import java.util.Locale;

/** HTML text escaping and number formatting for the report. Every piece of data goes through {@link #esc}. */
public final class Html {
    private Html() {
    }

    /** Escapes {@code & < > " '} so that any text is inert in element content and in quoted attributes. */
    public static String esc(Object o) {
        String s = o == null ? "" : o.toString();
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String f(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The 95% interval of {@code e} as a " [lo, hi]" suffix, or "" when it has none. */
    static String ci(Estimate e) {
        return e.ci95() == null ? "" : " [" + f(e.lo(), 3) + ", " + f(e.hi(), 3) + "]";
    }
}
