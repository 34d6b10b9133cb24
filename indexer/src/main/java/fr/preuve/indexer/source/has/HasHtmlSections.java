package fr.preuve.indexer.source.has;

import fr.preuve.core.doc.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Cuts an HTML fragment (the summary of a HAS page) into {@link Section}s: a new section at each heading
 * ({@code h1}–{@code h6}, or a short paragraph that is entirely bold), paragraphs, list items and table rows as text
 * lines joined by {@code "\n"}; scripts, styles, forms and images are dropped.
 */
public final class HasHtmlSections {

    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "svg", "img", "form", "button", "input", "select", "textarea", "head", "nav", "audio", "video");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "aside", "header", "footer",
            "main", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
            "figure", "figcaption", "blockquote", "pre", "address", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "center",
            "details", "summary", "fieldset", "legend");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");
    /** A bold-only paragraph longer than this is emphasised text, not a heading. */
    private static final int MAX_BOLD_HEADING = 150;

    private final List<Section> sections = new ArrayList<>();
    private String heading;
    private final List<String> lines = new ArrayList<>();

    private HasHtmlSections() {
    }

    /** The sections of {@code html}; {@code firstHeading} heads the text before the first heading (may be null). */
    public static List<Section> sections(String html, String firstHeading) {
        HasHtmlSections s = new HasHtmlSections();
        s.heading = firstHeading;
        if (html != null && !html.isBlank()) {
            s.walk(Jsoup.parseBodyFragment(html).body());
        }
        s.flush();
        return List.copyOf(s.sections);
    }

    /** All the text of {@code html} as lines, headings included, for comparisons. */
    public static String plainText(String html) {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections(html, null)) {
            if (s.heading() != null) {
                sb.append(s.heading()).append('\n');
            }
            sb.append(s.text()).append('\n');
        }
        return sb.toString().strip();
    }

    private void walk(Element e) {
        StringBuilder inline = new StringBuilder();
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode tn) {
                inline.append(tn.getWholeText());
            } else if (child instanceof Element c) {
                String tag = c.normalName();
                if (DROPPED.contains(tag)) {
                    continue;
                }
                if (tag.equals("br")) {
                    inline.append(' ');
                } else if (!BLOCKS.contains(tag)) {
                    inline.append(inlineText(c));
                } else {
                    line(inline);
                    block(c);
                }
            }
        }
        line(inline);
    }

    private void block(Element c) {
        String tag = c.normalName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
            heading(inlineText(c));
        } else if (tag.equals("tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : c.children()) {
                String t = clean(inlineText(cell));
                if (!t.isEmpty()) {
                    cells.add(t);
                }
            }
            line(new StringBuilder(String.join(" | ", cells)));
        } else if (tag.equals("p") && isBoldOnly(c)) {
            heading(inlineText(c));
        } else {
            walk(c);
        }
    }

    /** A paragraph whose visible text is all inside {@code strong}/{@code b}, short enough to be a heading. */
    private static boolean isBoldOnly(Element p) {
        String all = clean(p.text());
        if (all.isEmpty() || all.length() > MAX_BOLD_HEADING) {
            return false;
        }
        if (p.children().stream().anyMatch(ch -> BLOCKS.contains(ch.normalName()))) {
            return false;
        }
        StringBuilder bold = new StringBuilder();
        for (Element b : p.select("strong, b")) {
            if (b.parents().stream().noneMatch(a -> a.normalName().equals("strong") || a.normalName().equals("b"))) {
                bold.append(b.text());
            }
        }
        return clean(bold.toString()).replace(" ", "").equals(all.replace(" ", ""));
    }

    private static String inlineText(Element e) {
        StringBuilder sb = new StringBuilder();
        appendInline(e, sb);
        return sb.toString();
    }

    private static void appendInline(Node n, StringBuilder sb) {
        for (Node child : n.childNodes()) {
            if (child instanceof TextNode tn) {
                sb.append(tn.getWholeText());
            } else if (child instanceof Element c) {
                String tag = c.normalName();
                if (DROPPED.contains(tag)) {
                    continue;
                }
                if (tag.equals("br") || BLOCKS.contains(tag)) {
                    sb.append(' ');
                }
                appendInline(c, sb);
                if (BLOCKS.contains(tag)) {
                    sb.append(' ');
                }
            }
        }
    }

    private void heading(String text) {
        String h = clean(text);
        if (h.isEmpty()) {
            return;
        }
        flush();
        heading = h;
    }

    private void line(StringBuilder inline) {
        String t = clean(inline.toString());
        inline.setLength(0);
        if (!t.isEmpty()) {
            lines.add(t);
        }
    }

    private void flush() {
        if (!lines.isEmpty()) {
            sections.add(Section.of(heading, String.join("\n", lines)));
            lines.clear();
        }
        // a heading with no text under it is replaced by the next one
    }

    static String clean(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
    }
}
