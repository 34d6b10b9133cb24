package fr.preuve.indexer.source.has;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A saved answer of the HAS publication REST API ({@code https://www.has-sante.fr/rest/data/<type or id>}):
 * {@code <dataset><data class='generated.RecommandationVaccinale' id='p_3240117' url='…'><field name='title'>…}.
 * Each {@code <data>} becomes {@code has:<id>} with the title, the publication date ({@code pdate}), the public page
 * {@code https://www.has-sante.fr/jcms/<id>}, and the page summary (field {@code resume}, escaped HTML) cut into
 * sections at its headings; the short abstract ({@code resume1}) comes first when it is not already in the summary.
 * Metadata: "type" (RecommandationVaccinale...), "categories" (labels, "; "-joined), "pdfs" (absolute URLs of the
 * attached documents, "; "-joined).
 *
 * <p>The XML is parsed with {@link SecureXml#documentBuilder()}: a DOCTYPE (hence any XXE or entity bomb) is refused.
 */
public final class HasApiXmlSource implements DocumentSource {

    public static final String SITE = "https://www.has-sante.fr/";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern ISO_DAY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern HAS_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]*");

    private final Path xml;

    public HasApiXmlSource(Path xml) {
        this.xml = Objects.requireNonNull(xml, "xml");
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        String file = String.valueOf(xml.getFileName());
        Document dom;
        try {
            if (!Files.isRegularFile(xml)) {
                sink.accept(new ReadOutcome.Failed(file, "file not found: " + xml));
                return;
            }
            if (Files.size(xml) == 0) {
                sink.accept(new ReadOutcome.Failed(file, "file is empty"));
                return;
            }
            try (InputStream in = Files.newInputStream(xml)) {
                dom = SecureXml.documentBuilder().parse(in);
            }
        } catch (SAXParseException e) {
            sink.accept(new ReadOutcome.Failed(file + " (line " + e.getLineNumber() + ")", reason(e)));
            return;
        } catch (SAXException e) {
            sink.accept(new ReadOutcome.Failed(file, reason(e)));
            return;
        } catch (IOException | RuntimeException e) {
            sink.accept(new ReadOutcome.Failed(file, "cannot read file: " + e));
            return;
        }
        Element root = dom.getDocumentElement();
        List<Element> items = new ArrayList<>();
        if ("data".equals(root.getNodeName())) {
            items.add(root);
        } else {
            items.addAll(children(root, "data"));
        }
        int n = 0;
        for (Element data : items) {
            n++;
            String id = data.getAttribute("id");
            String location = file + "#" + (id.isBlank() ? "data[" + n + "]" : id);
            try {
                sink.accept(new ReadOutcome.Read(toDocument(data)));
            } catch (RuntimeException e) {
                sink.accept(new ReadOutcome.Failed(location, e.getMessage() == null ? e.toString() : e.getMessage()));
            } catch (StackOverflowError e) {
                sink.accept(new ReadOutcome.Failed(location, "summary HTML is nested too deeply to read"));
            }
        }
        if (items.isEmpty()) {
            sink.accept(new ReadOutcome.Failed(file, "no <data> publication in this HAS API answer (root <"
                    + root.getNodeName() + ">)"));
        }
    }

    private static String reason(SAXException e) {
        if (SecureXml.isDoctypeRefusal(e)) {
            return "XML with a DOCTYPE declaration is refused (DTDs and entities are not allowed: XXE protection)";
        }
        return "not well-formed XML: " + e.getMessage();
    }

    static SourceDocument toDocument(Element data) {
        String id = data.getAttribute("id").strip();
        if (!HAS_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("missing or bad publication id '" + id + "'");
        }
        Map<String, Element> fields = new LinkedHashMap<>();
        for (Element f : children(data, "field")) {
            fields.putIfAbsent(f.getAttribute("name"), f);
        }
        String title = HasHtmlSections.clean(textOf(fields.get("title")));
        if (title.isEmpty()) {
            throw new IllegalArgumentException("publication has no title");
        }
        String language = HasHtmlSections.clean(textOf(fields.get("mainLanguage"))).toLowerCase(Locale.ROOT);
        if (!language.matches("[a-z]{2}")) {
            language = "fr";
        }
        List<Section> sections = new ArrayList<>();
        String abstractHtml = textOf(fields.get("resume1"));
        String summaryHtml = textOf(fields.get("resume"));
        List<Section> summary = HasHtmlSections.sections(summaryHtml, null);
        String abstractText = HasHtmlSections.plainText(abstractHtml);
        if (!abstractText.isEmpty() && !normalized(HasHtmlSections.plainText(summaryHtml)).contains(normalized(abstractText))) {
            sections.addAll(HasHtmlSections.sections(abstractHtml, null));
        }
        sections.addAll(summary);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("publication has no summary text (fields resume/resume1 empty)");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        String cls = data.getAttribute("class");
        if (!cls.isBlank()) {
            metadata.put("type", cls.substring(cls.lastIndexOf('.') + 1));
        }
        putJoined(metadata, "categories", itemTexts(fields.get("categories")));
        List<String> pdfs = new ArrayList<>();
        for (String path : itemTexts(fields.get("documentsAssocies"))) {
            pdfs.add(absolute(path));
        }
        putJoined(metadata, "pdfs", pdfs);
        return new SourceDocument(DocumentId.of(SourceKind.HAS, id), title, language, date(fields.get("pdate")),
                SITE + "jcms/" + id, sections, metadata);
    }

    private static String date(Element pdate) {
        if (pdate == null) {
            return null;
        }
        String text = textOf(pdate).strip();
        try {
            return OffsetDateTime.parse(text).toLocalDate().toString();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        Matcher m = ISO_DAY.matcher(text);
        if (m.find()) {
            return m.group(1);
        }
        String time = pdate.getAttribute("time");
        if (time.matches("\\d{1,15}")) {
            return Instant.ofEpochMilli(Long.parseLong(time)).atZone(PARIS).toLocalDate().toString();
        }
        return null;
    }

    private static String absolute(String path) {
        String p = path.strip();
        if (p.startsWith("http://") || p.startsWith("https://")) {
            return p;
        }
        return SITE + (p.startsWith("/") ? p.substring(1) : p);
    }

    private static String normalized(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static void putJoined(Map<String, String> metadata, String key, List<String> values) {
        if (!values.isEmpty()) {
            metadata.put(key, String.join("; ", values));
        }
    }

    private static List<String> itemTexts(Element field) {
        List<String> out = new ArrayList<>();
        if (field != null) {
            for (Element item : children(field, "item")) {
                String t = HasHtmlSections.clean(item.getTextContent());
                if (!t.isEmpty() && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static String textOf(Element e) {
        return e == null ? "" : e.getTextContent();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getNodeName())) {
                out.add(e);
            }
        }
        return out;
    }
}
