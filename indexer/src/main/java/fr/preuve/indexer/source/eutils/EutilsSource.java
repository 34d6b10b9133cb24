package fr.preuve.indexer.source.eutils;

import fr.preuve.core.hash.Sha256;
import fr.preuve.core.config.Defaults;
import fr.preuve.indexer.fetch.FetchOutcome;
import fr.preuve.indexer.fetch.FetchRequest;
import fr.preuve.indexer.fetch.Fetcher;
import fr.preuve.indexer.source.Downloaded;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.ResumableSource;
import fr.preuve.indexer.source.pubmed.PubMedXmlSource;
import fr.preuve.indexer.source.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * PubMed through the NCBI E-utilities: one {@code esearch} with {@code usehistory=y}, then {@code efetch} of the
 * PubMed XML in batches ({@code WebEnv}/{@code query_key} with {@code retstart}; when the answer carries no history,
 * the ids it lists), each batch parsed by {@link PubMedXmlSource}.
 *
 * <p>Resumable: after each batch it reports its cursor, {@code query} (which search), {@code search} (the content hash
 * of the esearch answer, kept in the download cache: its {@code WebEnv}, {@code QueryKey}, count or ids) and
 * {@code retstart} (the next batch). When a batch fails after its retries, the failure is reported and reading stops;
 * resumed from the last cursor, the source asks for no new search and fetches from that batch on. A cursor of another
 * search, or whose esearch answer left the cache, is ignored: reading starts over.
 *
 * <p>Etiquette ({@link Query#tool()}, {@link Query#email()}, {@link Query#apiKey()}) is sent with every request; the
 * rate (3 or 10 requests per second) is the fetcher's.
 */
public final class EutilsSource implements ResumableSource {

    /**
     * A PubMed search.
     *
     * @param base       E-utilities base URL, ending with {@code /}
     * @param term       the PubMed query ({@code "gestational diabetes"[MeSH] AND 2020:2025[dp]})
     * @param datetype   {@code pdat}, {@code edat} or {@code mdat}, with {@code mindate}/{@code maxdate}, or null
     * @param reldate    only the last N days, or null
     * @param maxRecords at most this many records
     * @param batch      records per efetch
     * @param apiKey     NCBI API key, or null (never logged)
     */
    public record Query(String base, String term, String datetype, String mindate, String maxdate, Integer reldate,
                        int maxRecords, int batch, String tool, String email, String apiKey) {
        public Query {
            Objects.requireNonNull(base, "base");
            if (term == null || term.isBlank()) {
                throw new IllegalArgumentException("the PubMed query (term) is empty");
            }
            if (batch < 1 || batch > 10_000) {
                throw new IllegalArgumentException("batch must be between 1 and 10000, got " + batch);
            }
            if (maxRecords < 1) {
                throw new IllegalArgumentException("maxRecords must be at least 1, got " + maxRecords);
            }
        }

        /** What identifies the search for resuming (not the key): 16 hex digits of a SHA-256. */
        String key() {
            String id = String.join("|", base, term, String.valueOf(datetype), String.valueOf(mindate),
                    String.valueOf(maxdate), String.valueOf(reldate), Integer.toString(maxRecords), Integer.toString(batch));
            return Sha256.hex(id).substring(0, 16);
        }
    }

    /** A search answer: its content hash in the download cache, and its history or ids. */
    private record Search(String sha256, String webEnv, String queryKey, int count, List<String> ids) {
        int total(int maxRecords) {
            return webEnv != null ? Math.min(count, maxRecords) : ids.size();
        }
    }

    private final Query query;
    private final Fetcher fetcher;
    private final Function<String, Path> cacheBlob;

    /** @param cacheBlob finds a fetched body again by its content hash (the download cache) */
    public EutilsSource(Query query, Fetcher fetcher, Function<String, Path> cacheBlob) {
        this.query = Objects.requireNonNull(query, "query");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.cacheBlob = Objects.requireNonNull(cacheBlob, "cacheBlob");
    }

    @Override
    public void read(Map<String, String> cursor, Consumer<ReadOutcome> sink, Consumer<Map<String, String>> cursors) {
        Search search = resumed(cursor);
        int from = search == null ? 0 : Integer.parseInt(cursor.get("retstart"));
        if (search == null) {
            search = search(sink);
            if (search == null) {
                return;
            }
        }
        int total = search.total(query.maxRecords());
        cursors.accept(cursor(search, from, total));
        for (int retstart = from; retstart < total; retstart += query.batch()) {
            int size = Math.min(query.batch(), total - retstart);
            String where = "efetch retstart=" + retstart;
            FetchOutcome out = fetcher.fetch(FetchRequest.get(efetch(search, retstart, size)).accepting("text/xml"));
            if (out instanceof FetchOutcome.Failed f) {
                sink.accept(new ReadOutcome.Failed(where, f.reason() + "; the next run resumes at this batch"));
                return;
            }
            parse(((FetchOutcome.Body) out).file(), where, sink);
            cursors.accept(cursor(search, retstart + size, total));
        }
    }

    /** The cursor before batch {@code retstart}; empty once every batch is read. */
    private Map<String, String> cursor(Search search, int retstart, int total) {
        return retstart >= total ? Map.of()
                : Map.of("query", query.key(), "search", search.sha256(), "retstart", Integer.toString(retstart));
    }

    /** The search a cursor continues, or null when it is not one of this query's or its answer is no longer cached. */
    private Search resumed(Map<String, String> cursor) {
        String sha = cursor.get("search");
        String retstart = cursor.get("retstart");
        if (!query.key().equals(cursor.get("query")) || sha == null || !sha.matches("[0-9a-f]{64}")
                || retstart == null || !retstart.matches("\\d{1,9}")) {
            return null;
        }
        Path blob = cacheBlob.apply(sha);
        if (!Files.isRegularFile(blob)) {
            return null;
        }
        Search s = parseSearch(blob, sha, outcome -> {
        });
        return s != null && Integer.parseInt(retstart) < s.total(query.maxRecords()) ? s : null;
    }

    private static void parse(Path blob, String where, Consumer<ReadOutcome> sink) {
        Downloaded.read(new PubMedXmlSource(blob), blob, where, sink);
    }

    private Search search(Consumer<ReadOutcome> sink) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("db", "pubmed");
        p.put("term", query.term());
        p.put("usehistory", "y");
        p.put("retmax", Integer.toString(Math.min(query.maxRecords(), Defaults.EUTILS_MAX_RECORDS)));
        if (query.datetype() != null) {
            p.put("datetype", query.datetype());
        }
        if (query.mindate() != null) {
            p.put("mindate", query.mindate());
        }
        if (query.maxdate() != null) {
            p.put("maxdate", query.maxdate());
        }
        if (query.reldate() != null) {
            p.put("reldate", query.reldate().toString());
        }
        FetchOutcome out = fetcher.fetch(FetchRequest.get(url("esearch.fcgi", p)).accepting("text/xml"));
        if (out instanceof FetchOutcome.Failed f) {
            sink.accept(new ReadOutcome.Failed("esearch", f.reason()));
            return null;
        }
        FetchOutcome.Body body = (FetchOutcome.Body) out;
        return parseSearch(body.file(), body.sha256(), sink);
    }

    private Search parseSearch(Path file, String sha256, Consumer<ReadOutcome> sink) {
        Document dom;
        try (InputStream in = Files.newInputStream(file)) {
            dom = SecureXml.documentBuilderIgnoringDtd().parse(in);
        } catch (IOException | SAXException e) {
            sink.accept(new ReadOutcome.Failed("esearch", "not a readable esearch answer: " + e.getMessage()));
            return null;
        }
        Element root = dom.getDocumentElement();
        String error = text(root, "ERROR");
        if (!"eSearchResult".equals(root.getNodeName()) || error != null) {
            sink.accept(new ReadOutcome.Failed("esearch", error != null ? "PubMed refused the search: " + error
                    : "not an esearch answer (root <" + root.getNodeName() + ">)"));
            return null;
        }
        int count;
        try {
            count = Integer.parseInt(Objects.requireNonNullElse(text(root, "Count"), "").strip());
        } catch (NumberFormatException e) {
            sink.accept(new ReadOutcome.Failed("esearch", "esearch answer without a Count"));
            return null;
        }
        String webEnv = text(root, "WebEnv");
        String queryKey = text(root, "QueryKey");
        List<String> ids = new ArrayList<>();
        if (webEnv == null || queryKey == null) {
            webEnv = null;
            queryKey = null;
            NodeList idNodes = root.getElementsByTagName("Id");
            for (int i = 0; i < idNodes.getLength() && ids.size() < query.maxRecords(); i++) {
                ids.add(idNodes.item(i).getTextContent().strip());
            }
        }
        return new Search(sha256, webEnv, queryKey, count, ids);
    }

    private URI efetch(Search s, int retstart, int size) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("db", "pubmed");
        p.put("retmode", "xml");
        if (s.webEnv() != null) {
            p.put("WebEnv", s.webEnv());
            p.put("query_key", s.queryKey());
            p.put("retstart", Integer.toString(retstart));
            p.put("retmax", Integer.toString(size));
        } else {
            p.put("id", String.join(",", s.ids().subList(retstart, retstart + size)));
        }
        return url("efetch.fcgi", p);
    }

    private URI url(String tool, Map<String, String> params) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("tool", query.tool());
        if (query.email() != null && !query.email().isBlank()) {
            p.put("email", query.email());
        }
        if (query.apiKey() != null && !query.apiKey().isBlank()) {
            p.put("api_key", query.apiKey());
        }
        StringBuilder sb = new StringBuilder(query.base()).append(tool).append('?');
        p.forEach((k, v) -> sb.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        sb.setLength(sb.length() - 1);
        return URI.create(sb.toString());
    }

    private static String text(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        if (nodes.getLength() == 0) {
            return null;
        }
        String t = nodes.item(0).getTextContent();
        return t == null || t.isBlank() ? null : t.strip();
    }
}
