package fr.preuve.indexer.source.pubmed;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.xml.SecureXml;
import fr.preuve.indexer.source.xml.XmlFiles;
import fr.preuve.indexer.source.xml.XmlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PubMed/MEDLINE XML: efetch answers ({@code PubmedArticleSet}), baseline and update files, plain or gzip (detected by
 * magic bytes). Streamed with StAX: only the current {@code PubmedArticle} is held in memory.
 *
 * <p>Each {@code PubmedArticle} gives {@code pubmed:<PMID>}: title (inline markup flattened), one section per
 * {@code AbstractText} headed by its {@code Label} (or {@code NlmCategory}); an article without abstract gives one
 * section holding its title, so that title-only records stay findable. Language is mapped to ISO 639-1 (unknown codes:
 * {@code en}, the original code kept in metadata {@code language_code}). Metadata: journal, authors, doi, pmcid,
 * mesh, publication_types, status ({@code "; "}-joined lists).
 *
 * <p>The PMIDs of {@code DeleteCitation} (update files) are not documents: they are collected while reading and
 * returned by {@link #deletedPmids()} once {@link #read} has returned.
 *
 * <p>Failures: an article that cannot become a document is one {@link ReadOutcome.Failed} ({@code file#PMID}) and
 * reading goes on; malformed XML or a truncated gzip stops the stream (StAX cannot resynchronise) with one failure
 * naming the file, the line and the last good PMID; the articles before are kept. DTDs are never loaded and entities
 * never expanded ({@link SecureXml#xmlInputFactory()}).
 */
public final class PubMedXmlSource implements DocumentSource {

    private static final Set<String> ROOTS = Set.of("PubmedArticleSet", "PubmedArticle", "MedlineCitationSet");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Map<String, String> LANGUAGES = languages();
    private static final Map<String, String> MONTHS = months();

    private final Path file;
    private final List<String> deleted = new ArrayList<>();

    public PubMedXmlSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** PMIDs listed in {@code DeleteCitation} elements during the last {@link #read}, in file order. */
    public List<String> deletedPmids() {
        return Collections.unmodifiableList(deleted);
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        deleted.clear();
        XmlFiles.stream(file, "PubMed", ROOTS, sink, (r, records) -> {
            switch (r.getLocalName()) {
                case "PubmedArticle", "MedlineCitation" -> {
                    XmlNode article = XmlNode.read(r);
                    records.emit(toOutcome(records.file(), records.next(), article));
                }
                case "DeleteCitation" -> {
                    for (XmlNode pmid : XmlNode.read(r).all("PMID")) {
                        String p = pmid.text();
                        if (p != null) {
                            deleted.add(p);
                        }
                    }
                }
                case "PubmedBookArticle" -> {
                    XmlNode book = XmlNode.read(r);
                    records.next();
                    records.emit(new ReadOutcome.Failed(records.file() + "#" + book.text("BookDocument", "PMID"),
                            "PubMed book records are not indexed"));
                }
                default -> {
                    // PubmedArticleSet wrappers and unknown elements: walk on
                }
            }
        });
    }

    private static ReadOutcome toOutcome(String name, int ordinal, XmlNode article) {
        XmlNode citation = article.name().equals("MedlineCitation") ? article : article.get("MedlineCitation");
        String pmid = citation == null ? null : citation.text("PMID");
        if (pmid == null) {
            return new ReadOutcome.Failed(name + " article " + ordinal, "article without PMID");
        }
        try {
            return new ReadOutcome.Read(toDocument(pmid, citation, article));
        } catch (RuntimeException e) {
            return new ReadOutcome.Failed(name + "#" + pmid, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    static SourceDocument toDocument(String pmid, XmlNode citation, XmlNode article) {
        XmlNode art = citation.get("Article");
        if (art == null) {
            throw new IllegalArgumentException("no <Article> element");
        }
        String title = art.text("ArticleTitle");
        if (title == null) {
            title = art.text("VernacularTitle");
        }
        if (title == null) {
            throw new IllegalArgumentException("article without title");
        }
        List<Section> sections = new ArrayList<>();
        XmlNode abs = art.get("Abstract");
        if (abs != null) {
            for (XmlNode t : abs.all("AbstractText")) {
                String text = t.text();
                if (text != null) {
                    String label = t.attr("Label");
                    if (label == null || label.isBlank()) {
                        label = t.attr("NlmCategory");
                    }
                    sections.add(Section.of(label, text));
                }
            }
        }
        if (sections.isEmpty()) {
            sections.add(Section.of(null, title));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        String langCode = art.text("Language");
        String language = "en";
        if (langCode != null) {
            String mapped = LANGUAGES.get(langCode.toLowerCase(Locale.ROOT));
            if (mapped != null) {
                language = mapped;
            } else {
                meta.put("language_code", langCode);
            }
        }
        put(meta, "journal", art.text("Journal", "Title"));
        List<String> authors = new ArrayList<>();
        XmlNode authorList = art.get("AuthorList");
        if (authorList != null) {
            for (XmlNode a : authorList.all("Author")) {
                if ("N".equals(a.attr("ValidYN"))) {
                    continue;
                }
                String collective = a.text("CollectiveName");
                String last = a.text("LastName");
                if (last != null) {
                    String initials = a.text("Initials");
                    authors.add(initials == null ? last : last + " " + initials);
                } else if (collective != null) {
                    authors.add(collective);
                }
            }
        }
        put(meta, "authors", String.join("; ", authors));
        String doi = null;
        String pmcid = null;
        XmlNode data = article.get("PubmedData", "ArticleIdList");
        if (data != null) {
            for (XmlNode id : data.all("ArticleId")) {
                String type = id.attr("IdType");
                if ("doi".equals(type) && doi == null) {
                    doi = id.text();
                } else if ("pmc".equals(type) && pmcid == null) {
                    pmcid = id.text();
                }
            }
        }
        if (doi == null) {
            for (XmlNode e : art.all("ELocationID")) {
                if ("doi".equals(e.attr("EIdType")) && !"N".equals(e.attr("ValidYN"))) {
                    doi = e.text();
                    break;
                }
            }
        }
        put(meta, "doi", doi);
        put(meta, "pmcid", pmcid);
        List<String> mesh = new ArrayList<>();
        XmlNode meshList = citation.get("MeshHeadingList");
        if (meshList != null) {
            for (XmlNode h : meshList.all("MeshHeading")) {
                String d = h.text("DescriptorName");
                if (d != null) {
                    mesh.add(d);
                }
            }
        }
        put(meta, "mesh", String.join("; ", mesh));
        List<String> types = new ArrayList<>();
        XmlNode typeList = art.get("PublicationTypeList");
        if (typeList != null) {
            for (XmlNode t : typeList.all("PublicationType")) {
                if (t.text() != null) {
                    types.add(t.text());
                }
            }
        }
        put(meta, "publication_types", String.join("; ", types));
        put(meta, "status", citation.attr("Status"));
        String date = date(art.get("Journal", "JournalIssue", "PubDate"));
        return new SourceDocument(DocumentId.of(SourceKind.PUBMED, pmid), title, language, date,
                "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/", sections, meta);
    }

    /** {@code yyyy[-MM[-dd]]} from a PubDate; a {@code MedlineDate} ("1998 Dec-1999 Jan") gives its first year. */
    static String date(XmlNode pubDate) {
        if (pubDate == null) {
            return null;
        }
        String year = pubDate.text("Year");
        if (year == null) {
            String medline = pubDate.text("MedlineDate");
            if (medline == null) {
                return null;
            }
            Matcher m = YEAR.matcher(medline);
            return m.find() ? m.group(1) : null;
        }
        if (!year.matches("\\d{4}")) {
            return null;
        }
        String month = pubDate.text("Month");
        String mm = month == null ? null : MONTHS.get(month.toLowerCase(Locale.ROOT));
        if (mm == null) {
            return year;
        }
        String day = pubDate.text("Day");
        if (day == null || !day.matches("\\d{1,2}") || Integer.parseInt(day) < 1 || Integer.parseInt(day) > 31) {
            return year + "-" + mm;
        }
        return year + "-" + mm + "-" + (day.length() == 1 ? "0" + day : day);
    }

    static String text(XmlNode n) {
        return n == null ? null : n.text();
    }

    private static void put(Map<String, String> meta, String key, String value) {
        if (value != null && !value.isBlank()) {
            meta.put(key, value);
        }
    }

    private static Map<String, String> months() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] names = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < 12; i++) {
            String mm = String.format(Locale.ROOT, "%02d", i + 1);
            m.put(names[i], mm);
            m.put(mm, mm);
            m.put(Integer.toString(i + 1), mm);
        }
        return m;
    }

    private static Map<String, String> languages() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] pairs = {"eng", "en", "fre", "fr", "fra", "fr", "ger", "de", "deu", "de", "spa", "es", "ita", "it",
                "por", "pt", "dut", "nl", "nld", "nl", "rus", "ru", "chi", "zh", "zho", "zh", "jpn", "ja", "pol", "pl",
                "swe", "sv", "dan", "da", "nor", "no", "fin", "fi", "cze", "cs", "ces", "cs", "hun", "hu", "tur", "tr",
                "gre", "el", "ell", "el", "kor", "ko", "ara", "ar", "heb", "he", "ukr", "uk", "rum", "ro", "ron", "ro",
                "hrv", "hr", "slo", "sk", "slv", "sl", "srp", "sr", "bul", "bg", "lit", "lt", "lav", "lv", "est", "et",
                "ice", "is", "per", "fa", "hin", "hi", "tha", "th", "vie", "vi", "ind", "id", "may", "ms", "cat", "ca",
                "afr", "af", "alb", "sq", "arm", "hy", "geo", "ka", "mac", "mk", "epo", "eo", "lat", "la"};
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
