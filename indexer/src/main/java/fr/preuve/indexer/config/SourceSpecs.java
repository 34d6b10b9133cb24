package fr.preuve.indexer.config;

import static fr.preuve.indexer.config.SpecFields.checkHosts;
import static fr.preuve.indexer.config.SpecFields.checkPattern;
import static fr.preuve.indexer.config.SpecFields.languageOr;
import static fr.preuve.indexer.config.SpecFields.policy;
import static fr.preuve.indexer.config.SpecFields.require;
import static fr.preuve.indexer.config.SpecFields.requireAny;
import static fr.preuve.indexer.config.SpecFields.root;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.fetch.FetchPolicy;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.InputLimits;
import fr.preuve.indexer.source.SourceContext;
import fr.preuve.indexer.source.bdpm.BdpmOpinionSource;
import fr.preuve.indexer.source.eutils.EutilsSource;
import fr.preuve.indexer.source.has.HasApiSource;
import fr.preuve.indexer.source.has.HasApiXmlSource;
import fr.preuve.indexer.source.jats.JatsSource;
import fr.preuve.indexer.source.local.LocalFolderSource;
import fr.preuve.indexer.source.pdf.PdfSource;
import fr.preuve.indexer.source.pubmed.PubMedXmlSource;
import fr.preuve.indexer.source.pubmedqa.PubMedQaSource;
import fr.preuve.indexer.source.web.WebPageSource;
import fr.preuve.indexer.source.who.WhoIrisSource;
import fr.preuve.indexer.source.who.WhoPdfSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source kinds a corpus file can declare, one record each (the checks and defaults they share are in
 * {@code SpecFields}). The records stay together in this one class because their names ({@code SourceSpecs.HasApi},
 * {@code SourceSpecs.Provided}...) are what {@link SourceSpec}'s {@code @JsonSubTypes}, the sealed {@code permits}
 * clauses and the other modules refer to: a split per source family would rename them.
 */
public final class SourceSpecs {
    private SourceSpecs() {
    }

    /** The PubMedQA labelled set, read as PubMed abstracts ({@code ori_pqal.json}). */
    public record PubMedQa(String name, String path, String licence) implements FileSourceSpec {
        public PubMedQa {
            require("path", path, "pubmedqa");
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return new PubMedQaSource(context.resolve(path));
        }
    }

    /**
     * A WHO guideline PDF with its bibliographic facts.
     *
     * @param id        native id: ISBN digits, IRIS handle or report number ({@code who:<id>})
     * @param firstPage first PDF page to index (1-based), or null for the first
     * @param lastPage  last PDF page to index, or null for the last
     */
    public record WhoPdf(String name, String path, String id, String title, String date, String url, String language,
                         Integer firstPage, Integer lastPage, String licence) implements FileSourceSpec {
        public WhoPdf {
            require("path", path, "who-pdf");
            require("title", title, "who-pdf");
            if (firstPage != null && lastPage != null && firstPage > lastPage) {
                throw new IllegalArgumentException("source " + path + ": firstPage " + firstPage + " is after lastPage " + lastPage);
            }
        }

        @Override
        public DocumentSource open(SourceContext context) {
            Path file = context.resolve(path);
            String nativeId = id != null ? id : stem(file);
            return new WhoPdfSource(file, new PdfSource.Meta(nativeId, title, date, url,
                    language == null ? "en" : language, firstPage, lastPage));
        }

        private static String stem(Path file) {
            String n = file.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot > 0 ? n.substring(0, dot) : n;
        }
    }

    /** A recorded answer of the HAS publication API (XML). */
    public record HasApiXml(String name, String path, String licence) implements FileSourceSpec {
        public HasApiXml {
            require("path", path, "has-api-xml");
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return new HasApiXmlSource(context.resolve(path));
        }
    }

    /**
     * HAS transparency-committee drug opinions from the public drug database (BDPM) files.
     *
     * @param since keep opinions dated on or after this day
     * @param limit keep at most this many opinions, newest first
     */
    public record BdpmOpinions(String name, String dir, LocalDate since, Integer limit, String licence)
            implements LocalSourceSpec {
        public BdpmOpinions {
            require("dir", dir, "bdpm-opinions");
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("source " + dir + ": limit must be at least 1, got " + limit);
            }
        }

        @Override
        public String location() {
            return dir;
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return new BdpmOpinionSource(context.resolve(dir), new BdpmOpinionSource.Options(since, limit));
        }
    }

    /** PubMed/MEDLINE XML files: efetch answers, baseline and update files, plain or gzip ({@code pubmed:<PMID>}). */
    public record PubMedXml(String name, String path, String licence) implements FileSourceSpec {
        public PubMedXml {
            require("path", path, "pubmed-xml");
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return new PubMedXmlSource(context.resolve(path));
        }
    }

    /** A PMC Open Access JATS full text ({@code .nxml}) or an efetch {@code pmc-articleset} ({@code pmc:PMC<id>}). */
    public record Jats(String name, String path, String licence) implements FileSourceSpec {
        public Jats {
            require("path", path, "jats");
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return new JatsSource(context.resolve(path));
        }
    }

    /**
     * A PubMed search through the NCBI E-utilities. The API key comes from {@code NCBI_API_KEY} (never from the
     * file); with it, 10 requests per second, else 3. The contact e-mail NCBI asks for comes from {@code email} or
     * {@code NCBI_EMAIL}.
     *
     * @param term       the PubMed query
     * @param datetype   {@code pdat} (publication), {@code edat} (entry) or {@code mdat} (modification)
     * @param mindate    {@code yyyy}, {@code yyyy/MM} or {@code yyyy/MM/dd}, with {@code maxdate}
     * @param reldate    only the last N days
     * @param maxRecords at most this many records (default 10,000)
     * @param batch      records per efetch (default 200)
     * @param baseUrl    another E-utilities base (a mirror); default {@code https://eutils.ncbi.nlm.nih.gov/entrez/eutils/}
     */
    public record PubMedSearch(String name, String term, String datetype, String mindate, String maxdate,
                               Integer reldate, Integer maxRecords, Integer batch, String email, String baseUrl,
                               List<String> allowedHosts, String licence) implements RemoteSourceSpec {
        public PubMedSearch {
            require("term", term, "pubmed-search");
            checkHosts(allowedHosts);
            checkPattern(datetype, "pdat|edat|mdat", "datetype must be pdat, edat or mdat");
            for (String d : new String[] {mindate, maxdate}) {
                checkPattern(d, "\\d{4}(/\\d{2}(/\\d{2})?)?", "PubMed dates are yyyy, yyyy/MM or yyyy/MM/dd");
            }
            if ((mindate == null) != (maxdate == null)) {
                throw new IllegalArgumentException("mindate and maxdate go together");
            }
        }

        @Override
        public DocumentSource open(SourceContext context) {
            String key = context.environment().get("NCBI_API_KEY");
            boolean withKey = key != null && !key.isBlank();
            String contact = email != null ? email : context.environment().get("NCBI_EMAIL");
            String root = root(baseUrl, Defaults.EUTILS_BASE);
            FetchPolicy p = policy(allowedHosts, URI.create(root).getHost())
                    .withRate(withKey ? Defaults.EUTILS_RATE_WITH_KEY : Defaults.EUTILS_RATE_WITHOUT_KEY).withContact(contact);
            EutilsSource.Query q = new EutilsSource.Query(root, term, datetype != null ? datetype : mindate != null || reldate != null ? "pdat" : null,
                    mindate, maxdate, reldate, maxRecords == null ? Defaults.EUTILS_MAX_RECORDS : maxRecords,
                    batch == null ? Defaults.EUTILS_BATCH : batch, "preuve", contact, withKey ? key.strip() : null);
            return new EutilsSource(q, context.fetcher(p), context.downloads()::blob);
        }
    }

    /**
     * Search parameters of the HAS API ({@code /rest/search}).
     *
     * @param from {@code dd/MM/yyyy}, with {@code dateType}
     */
    public record HasSearch(String text, List<String> types, List<String> categories, String catMode,
                            List<String> langs, String dateType, String from, String to, Integer sinceDays) {
        public HasSearch {
            checkPattern(catMode, "and|or", "catMode must be 'and' or 'or'");
            checkPattern(dateType, "cdate|mdate|udate|pdate|edate", "dateType must be cdate, mdate, udate, pdate or edate");
            for (String d : new String[] {from, to}) {
                checkPattern(d, "\\d{2}/\\d{2}/\\d{4}", "HAS dates are dd/MM/yyyy");
            }
        }

        Map<String, List<String>> parameters() {
            Map<String, List<String>> p = new LinkedHashMap<>();
            put(p, "text", text);
            if (types != null && !types.isEmpty()) {
                p.put("types", types);
            }
            if (categories != null && !categories.isEmpty()) {
                p.put("cids", categories);
            }
            put(p, "catMode", catMode);
            if (langs != null && !langs.isEmpty()) {
                p.put("langs", langs);
            }
            put(p, "dateType", dateType);
            put(p, "beginDateStr", from);
            put(p, "endDateStr", to);
            put(p, "dateSince", sinceDays == null ? null : sinceDays.toString());
            return p;
        }

        private static void put(Map<String, List<String>> p, String k, String v) {
            if (v != null && !v.isBlank()) {
                p.put(k, List.of(v));
            }
        }
    }

    /**
     * Publications of the HAS API by content type ({@code types}) or by {@code search}, with their attached PDFs
     * unless {@code pdfs: false}.
     */
    public record HasApi(String name, List<String> types, HasSearch search, Integer pageSize, Integer limit,
                         Boolean pdfs, String language, String baseUrl, List<String> allowedHosts, String licence)
            implements RemoteSourceSpec {
        public HasApi {
            if ((types == null || types.isEmpty()) == (search == null)) {
                throw new IllegalArgumentException("source of type has-api: declare either 'types' or 'search'");
            }
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, got " + limit);
            }
            languageOr(language, "fr");
            checkHosts(allowedHosts);
        }

        @Override
        public DocumentSource open(SourceContext context) {
            String root = root(baseUrl, Defaults.HAS_API_BASE);
            FetchPolicy p = policy(allowedHosts, URI.create(root).getHost());
            return new HasApiSource(new HasApiSource.Listing(root, types, search == null ? null : search.parameters(),
                    pageSize == null ? Defaults.HAS_PAGE_SIZE : pageSize, limit, pdfs == null || pdfs,
                    languageOr(language, "fr")), context.fetcher(p));
        }
    }

    /** WHO guideline PDFs from IRIS, each with its title, date, ISBN and handle. */
    public record WhoIris(String name, List<WhoIrisSource.Guideline> guidelines, List<String> allowedHosts,
                          String licence) implements RemoteSourceSpec {
        public WhoIris {
            guidelines = List.copyOf(requireAny("guidelines", guidelines, "who-iris"));
            checkHosts(allowedHosts);
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return new WhoIrisSource(guidelines, context.fetcher(policy(allowedHosts, "iris.who.int")));
        }
    }

    /**
     * Web pages by URL, main content only.
     *
     * @param kind         the id prefix: {@code web} (default), {@code who} (WHO fact sheets), {@code has}
     * @param allowedHosts default: the hosts of the listed URLs
     */
    public record WebPages(String name, List<String> urls, String kind, String language, List<String> allowedHosts,
                           String licence) implements RemoteSourceSpec {
        public WebPages {
            requireAny("urls", urls, "web").forEach(SpecFields::checkWebUrl);
            if (kind != null) {
                SourceKind.fromKey(kind);
            }
            languageOr(language, "en");
            checkHosts(allowedHosts);
        }

        @Override
        public DocumentSource open(SourceContext context) {
            List<URI> uris = urls.stream().map(URI::create).toList();
            List<String> hosts = uris.stream().map(URI::getHost).distinct().toList();
            return new WebPageSource(uris, kind == null ? SourceKind.WEB : SourceKind.fromKey(kind), languageOr(language, "en"),
                    context.fetcher(policy(allowedHosts, hosts.toArray(String[]::new))));
        }
    }

    /**
     * Every file of a local folder: PDF, HTML, PubMed XML and JATS (detected by content), Markdown, text.
     *
     * @param maxFileSize   largest file read ({@code 50MB}, {@code 1GB}, or bytes), null = 50 MB
     * @param maxSourceSize most bytes read from the folder in all, null = 2 GB
     */
    public record LocalFolder(String name, String dir, String language, String maxFileSize, String maxSourceSize,
                              String licence) implements LocalSourceSpec {
        public LocalFolder {
            require("dir", dir, "local-folder");
            languageOr(language, "en");
            limits(maxFileSize, maxSourceSize);
        }

        /** A folder read within the default size caps. */
        public LocalFolder(String name, String dir, String language, String licence) {
            this(name, dir, language, null, null, licence);
        }

        /** The caps this folder is read within: the declared sizes, else {@link InputLimits#DEFAULTS}. */
        public InputLimits limits() {
            return limits(maxFileSize, maxSourceSize);
        }

        private static InputLimits limits(String maxFileSize, String maxSourceSize) {
            return InputLimits.DEFAULTS.withSizes(InputLimits.parseSize("maxFileSize", maxFileSize),
                    InputLimits.parseSize("maxSourceSize", maxSourceSize));
        }

        @Override
        public String location() {
            return dir;
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return new LocalFolderSource(context.resolve(dir), languageOr(language, "en"), limits());
        }
    }

    /**
     * A source built in code rather than declared in YAML (an evaluation dataset such as a BEIR corpus), so it is
     * indexed by the same {@link fr.preuve.indexer.pipeline.Indexer} as declared corpora. Not selectable from a corpus
     * file.
     *
     * @param inputs the files it reads, fingerprinted to skip re-reading when nothing changed
     */
    public record Provided(String name, String licence, List<Path> inputs, DocumentSource source) implements SourceSpec {
        public Provided {
            require("name", name, "provided");
            java.util.Objects.requireNonNull(source, "source");
            inputs = List.copyOf(inputs);
        }

        @Override
        public String label() {
            return name;
        }

        @Override
        public List<Path> inputs(Path base) {
            return inputs.stream().map(base::resolve).toList();
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return source;
        }
    }
}
