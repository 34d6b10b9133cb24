package fr.preuve.indexer.source.jats;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.xml.XmlFiles;
import fr.preuve.indexer.source.xml.XmlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * PMC Open Access JATS full texts: one {@code .nxml} article, or an efetch {@code pmc-articleset} of several (plain or
 * gzip). Streamed with StAX, one {@code article} held at a time.
 *
 * <p>Each article gives {@code pmc:PMC<id>} (from {@code article-id pub-id-type="pmc"}/{@code "pmcid"}): the title;
 * the abstract(s) as sections headed "Abstract" (or "Abstract › Background" for structured ones); the body, one
 * section per {@code sec} with nested headings flattened as {@code "Parent › Child"}, paragraphs joined by newlines;
 * each table as its own section ({@code "Table 1: caption"} then one line per row, cells separated by {@code " | "});
 * each figure caption as its own section. References and back matter are left out. Metadata: journal, doi, pmid,
 * licence (license URL, else its text), license_type, authors ({@code "; "}-joined "Surname Given-names", collabs).
 */
public final class JatsSource implements DocumentSource {

    static final String SEP = " › ";
    private static final Set<String> ROOTS = Set.of("article", "pmc-articleset");
    private static final Set<String> FLOATS = Set.of("table-wrap", "fig", "table-wrap-group", "fig-group");

    private final Path file;

    public JatsSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        XmlFiles.stream(file, "JATS", ROOTS, sink, (r, records) -> {
            if (r.getLocalName().equals("article")) {
                XmlNode article = XmlNode.read(r);
                records.emit(toOutcome(records.file(), records.next(), article));
            }
        });
    }

    private static ReadOutcome toOutcome(String name, int ordinal, XmlNode article) {
        XmlNode meta = article.get("front", "article-meta");
        String pmc = null;
        if (meta != null) {
            for (XmlNode id : meta.all("article-id")) {
                String type = id.attr("pub-id-type");
                if (("pmc".equals(type) || "pmcid".equals(type)) && id.text() != null) {
                    pmc = id.text();
                    break;
                }
            }
        }
        if (pmc == null) {
            return new ReadOutcome.Failed(name + " article " + ordinal, "article without PMC id (article-id pub-id-type=\"pmc\")");
        }
        if (!pmc.toUpperCase(Locale.ROOT).startsWith("PMC")) {
            pmc = "PMC" + pmc;
        } else {
            pmc = "PMC" + pmc.substring(3);
        }
        try {
            return new ReadOutcome.Read(toDocument(pmc, article, meta));
        } catch (RuntimeException e) {
            return new ReadOutcome.Failed(name + "#" + pmc, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    static SourceDocument toDocument(String pmc, XmlNode article, XmlNode meta) {
        String title = meta.text("title-group", "article-title");
        if (title == null) {
            throw new IllegalArgumentException("article without title");
        }
        List<Section> sections = new ArrayList<>();
        for (XmlNode abs : meta.all("abstract")) {
            String type = abs.attr("abstract-type");
            String heading = type == null ? "Abstract" : "Abstract (" + type + ")";
            String t = abs.text("title");
            if (t != null && type == null) {
                heading = t;
            }
            body(abs, heading, sections);
        }
        XmlNode body = article.get("body");
        if (body != null) {
            body(body, null, sections);
        }
        XmlNode floats = article.get("floats-group");
        if (floats != null) {
            body(floats, null, sections);
        }
        if (sections.isEmpty()) {
            sections.add(Section.of(null, title));
        }
        Map<String, String> m = new LinkedHashMap<>();
        XmlNode journal = article.get("front", "journal-meta");
        if (journal != null) {
            String jt = journal.text("journal-title-group", "journal-title");
            put(m, "journal", jt != null ? jt : journal.text("journal-title"));
        }
        for (XmlNode id : meta.all("article-id")) {
            String type = id.attr("pub-id-type");
            if ("doi".equals(type)) {
                m.putIfAbsent("doi", id.text());
            } else if ("pmid".equals(type)) {
                m.putIfAbsent("pmid", id.text());
            }
        }
        XmlNode license = meta.get("permissions", "license");
        if (license != null) {
            String href = license.attr("href");
            if (href == null) {
                for (XmlNode ref : license.descendants("license_ref")) {
                    href = ref.text();
                    break;
                }
            }
            if (href == null) {
                for (XmlNode ref : license.descendants("ext-link")) {
                    String h = ref.attr("href");
                    if (h != null && h.strip().startsWith("http")) {
                        href = h;
                        break;
                    }
                }
            }
            put(m, "licence", href != null ? href.strip() : license.text());
            put(m, "license_type", license.attr("license-type"));
        }
        List<String> authors = new ArrayList<>();
        for (XmlNode group : meta.all("contrib-group")) {
            for (XmlNode c : group.all("contrib")) {
                String ct = c.attr("contrib-type");
                if (ct != null && !ct.equals("author")) {
                    continue;
                }
                XmlNode n = c.get("name");
                if (n == null) {
                    XmlNode alt = c.get("name-alternatives");
                    n = alt == null ? null : alt.get("name");
                }
                if (n != null && n.text("surname") != null) {
                    String given = n.text("given-names");
                    authors.add(given == null ? n.text("surname") : n.text("surname") + " " + given);
                } else if (c.text("collab") != null) {
                    authors.add(c.text("collab"));
                }
            }
        }
        put(m, "authors", String.join("; ", authors));
        return new SourceDocument(DocumentId.of(SourceKind.PMC, pmc), title, language(article), date(meta),
                "https://pmc.ncbi.nlm.nih.gov/articles/" + pmc + "/", sections, m);
    }

    /** Paragraphs directly under {@code node} form one section; sub-sections, tables and figures follow. */
    private static void body(XmlNode node, String heading, List<Section> out) {
        StringBuilder text = new StringBuilder();
        List<Section> after = new ArrayList<>();
        for (XmlNode c : node.elements()) {
            switch (c.name()) {
                case "title", "label", "sec-meta", "ref-list", "fn-group" -> {
                    // headings are read by the parent; references left out
                }
                case "sec", "app", "boxed-text" -> {
                    String t = c.text("title");
                    String h = t == null ? heading : heading == null ? t : heading + SEP + t;
                    flushAndRecurse(text, heading, out, after);
                    body(c, h, out);
                }
                case "table-wrap", "fig", "table-wrap-group", "fig-group" -> floating(c, after);
                case "list" -> append(text, list(c));
                default -> {
                    append(text, c.flatText(FLOATS));
                    floatsIn(c, after);
                }
            }
        }
        flushAndRecurse(text, heading, out, after);
    }

    /** Tables and figures nested in a paragraph (or any block), in document order. */
    private static void floatsIn(XmlNode node, List<Section> after) {
        for (XmlNode c : node.elements()) {
            if (FLOATS.contains(c.name())) {
                floating(c, after);
            } else {
                floatsIn(c, after);
            }
        }
    }

    private static void flushAndRecurse(StringBuilder text, String heading, List<Section> out, List<Section> after) {
        if (!text.toString().isBlank()) {
            out.add(Section.of(heading, text.toString().strip()));
        }
        text.setLength(0);
        out.addAll(after);
        after.clear();
    }

    private static String list(XmlNode list) {
        List<String> items = new ArrayList<>();
        for (XmlNode item : list.all("list-item")) {
            String t = item.flatText(FLOATS);
            if (!t.isEmpty()) {
                items.add("- " + t);
            }
        }
        return String.join("\n", items);
    }

    private static void append(StringBuilder sb, String s) {
        if (s != null && !s.isBlank()) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(s.strip());
        }
    }

    private static void floating(XmlNode f, List<Section> out) {
        if (f.name().endsWith("-group")) {
            for (XmlNode c : f.elements()) {
                if (FLOATS.contains(c.name())) {
                    floating(c, out);
                }
            }
            return;
        }
        String label = f.text("label");
        if (label != null) {
            label = label.replaceAll("[.:\\s]+$", "");
            label = label.isEmpty() ? null : label;
        }
        String caption = caption(f.get("caption"));
        boolean table = f.name().equals("table-wrap");
        String heading = label != null ? label : table ? "Table" : "Figure";
        StringBuilder sb = new StringBuilder();
        append(sb, caption == null ? null : heading + ": " + caption);
        if (table) {
            for (XmlNode tr : f.descendants("tr")) {
                List<String> cells = new ArrayList<>();
                for (XmlNode cell : tr.elements()) {
                    if (cell.name().equals("td") || cell.name().equals("th")) {
                        cells.add(cell.flatText(Set.of()));
                    }
                }
                if (cells.stream().anyMatch(s -> !s.isEmpty())) {
                    append(sb, String.join(" | ", cells));
                }
            }
            for (XmlNode foot : f.all("table-wrap-foot")) {
                append(sb, foot.flatText(Set.of()));
            }
        }
        if (!sb.toString().isBlank()) {
            out.add(Section.of(heading, sb.toString()));
        }
    }

    /** A caption's title and paragraphs, separated by a space ("Title. Text"). */
    private static String caption(XmlNode caption) {
        if (caption == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (XmlNode c : caption.elements()) {
            String t = c.flatText(Set.of());
            if (!t.isEmpty()) {
                parts.add(t);
            }
        }
        String joined = parts.isEmpty() ? caption.flatText(Set.of()) : String.join(" ", parts);
        return joined.isEmpty() ? null : joined;
    }

    private static String language(XmlNode article) {
        String lang = article.attr("lang");
        if (lang != null && lang.length() >= 2 && lang.substring(0, 2).matches("[a-zA-Z]{2}")) {
            return lang.substring(0, 2).toLowerCase(Locale.ROOT);
        }
        return "en";
    }

    /** The electronic publication date, else the print one, else the first {@code pub-date}. */
    static String date(XmlNode meta) {
        XmlNode best = null;
        int rank = Integer.MAX_VALUE;
        for (XmlNode d : meta.all("pub-date")) {
            String type = d.attr("pub-type") != null ? d.attr("pub-type") : d.attr("date-type");
            int r = switch (type == null ? "" : type) {
                case "epub" -> 0;
                case "pub" -> 1;
                case "ppub" -> 2;
                case "collection" -> 4;
                default -> 3;
            };
            if (r < rank && d.text("year") != null) {
                rank = r;
                best = d;
            }
        }
        if (best == null) {
            return null;
        }
        String year = best.text("year");
        if (!year.matches("\\d{4}")) {
            return null;
        }
        String month = best.text("month");
        if (month == null || !month.matches("\\d{1,2}") || Integer.parseInt(month) < 1 || Integer.parseInt(month) > 12) {
            return year;
        }
        String mm = String.format(Locale.ROOT, "%02d", Integer.parseInt(month));
        String day = best.text("day");
        if (day == null || !day.matches("\\d{1,2}") || Integer.parseInt(day) < 1 || Integer.parseInt(day) > 31) {
            return year + "-" + mm;
        }
        return year + "-" + mm + "-" + String.format(Locale.ROOT, "%02d", Integer.parseInt(day));
    }

    private static void put(Map<String, String> meta, String key, String value) {
        if (value != null && !value.isBlank()) {
            meta.put(key, value);
        }
    }
}
