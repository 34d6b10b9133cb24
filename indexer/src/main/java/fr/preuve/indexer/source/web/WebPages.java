package fr.preuve.indexer.source.web;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.source.has.HasHtmlSections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Main-content extraction from an HTML page: scripts, styles, navigation, headers, footers, asides, forms, cookie
 * banners and hidden elements are removed; the content is the {@code main}, {@code article} or
 * {@code [role=main]} element (the one with the most text), else the body; it is cut into sections at its headings by
 * {@link HasHtmlSections}. Title: {@code og:title}, else {@code <title>} (site suffix after " | " or " - " removed),
 * else the first {@code h1}. Date: {@code article:published_time}, {@code citation_publication_date}, {@code DC.date}
 * or a {@code time[datetime]} in the content. Language: {@code <html lang>}, else the declared default.
 */
public final class WebPages {

    private static final String BOILERPLATE = "script, style, noscript, template, nav, header, footer, aside, form, "
            + "iframe, svg, button, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], [hidden], "
            + "[class~=(?i)(cookie|breadcrumb|share|social|newsletter|skip-link|menu)], "
            + "[id~=(?i)(cookie|breadcrumb|share|social|newsletter|menu)]";
    private static final Pattern DAY = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private WebPages() {
    }

    /**
     * The page as a document.
     *
     * @param id              its id
     * @param url             where it was read (null for a local file)
     * @param defaultLanguage used when the page does not declare one
     * @throws IllegalArgumentException when the page has no text or no title
     */
    public static SourceDocument document(DocumentId id, Document page, String url, String defaultLanguage,
                                          String fallbackTitle) {
        String title = title(page);
        String date = date(page);
        String language = language(page, defaultLanguage);
        page.select(BOILERPLATE).remove();
        Element content = mainContent(page);
        List<Section> sections = HasHtmlSections.sections(content.html(), null);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("the page has no text once navigation and scripts are removed");
        }
        if (title == null) {
            title = fallbackTitle;
        }
        Map<String, String> meta = new LinkedHashMap<>();
        String description = page.select("meta[name=description]").attr("content").strip();
        if (!description.isEmpty()) {
            meta.put("description", description);
        }
        return new SourceDocument(id, title, language, date, url, sections, meta);
    }

    /** {@code host/path} as a native id: letters, digits, '.', '_', '-', '/'. */
    public static DocumentId idFor(SourceKind kind, java.net.URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String raw = uri.getHost() + path.replaceAll("/+$", "") + (uri.getQuery() == null ? "" : "_" + uri.getQuery());
        return DocumentId.of(kind, raw.replaceAll("[^A-Za-z0-9._/-]", "_").replaceAll("/{2,}", "/"));
    }

    static Element mainContent(Document page) {
        Element best = null;
        int bestLength = 0;
        for (Element candidate : page.select("main, article, [role=main]")) {
            int length = candidate.text().length();
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        return best != null ? best : page.body();
    }

    private static String title(Document page) {
        String og = page.select("meta[property=og:title]").attr("content").strip();
        if (!og.isEmpty()) {
            return og;
        }
        String t = page.title().strip();
        if (!t.isEmpty()) {
            return t.replaceFirst("\\s+[|\\u2013\\u2014-]\\s+[^|\\u2013\\u2014-]{1,60}$", "").strip();
        }
        Element h1 = page.selectFirst("h1");
        return h1 == null || h1.text().isBlank() ? null : h1.text().strip();
    }

    private static String date(Document page) {
        for (String selector : List.of("meta[property=article:published_time]", "meta[name=citation_publication_date]",
                "meta[name=DC.date]", "meta[name=dcterms.date]")) {
            String d = normalizedDate(page.select(selector).attr("content"));
            if (d != null) {
                return d;
            }
        }
        Element time = page.selectFirst("main time[datetime], article time[datetime]");
        return time == null ? null : normalizedDate(time.attr("datetime"));
    }

    private static String normalizedDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Matcher m = DAY.matcher(s.strip().replace('/', '-'));
        if (!m.lookingAt()) {
            return null;
        }
        return m.group(1) + (m.group(2) == null ? "" : "-" + m.group(2)) + (m.group(3) == null ? "" : "-" + m.group(3));
    }

    private static String language(Document page, String defaultLanguage) {
        String lang = page.select("html").attr("lang").strip().toLowerCase(Locale.ROOT);
        if (lang.length() >= 2 && lang.substring(0, 2).matches("[a-z]{2}")) {
            return lang.substring(0, 2);
        }
        return defaultLanguage == null ? "en" : defaultLanguage;
    }
}
