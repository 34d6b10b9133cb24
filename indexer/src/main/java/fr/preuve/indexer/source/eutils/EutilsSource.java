package fr.preuve.indexer.source.eutils;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.Yaml;
import fr.preuve.indexer.fetch.FetchOutcome;
import fr.preuve.indexer.fetch.FetchRequest;
import fr.preuve.indexer.fetch.Fetcher;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.Downloaded;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.pubmed.PubMedXmlSource;
import fr.preuve.indexer.source.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * <p>Resumable: after each batch, a state file records the search and the content hash of every batch fetched (the
 * bodies stay in the download cache). When a batch fails after its retries, the failure is reported and reading stops;
 * the next run reads the batches already fetched from the cache and continues with the failed one. The state file is
 * removed once every batch is in.
 *
 * <p>Etiquette ({@link Query#tool()}, {@link Query#email()}, {@link Query#apiKey()}) is sent with every request; the
 * rate (3 or 10 requests per second) is the fetcher's.
 */
public final class EutilsSource implements DocumentSource {

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

        /** What identifies the search for resuming (not the key or the batch size). */
        String key() {
            return String.join("|", base, term, String.valueOf(datetype), String.valueOf(mindate),
                    String.valueOf(maxdate), String.valueOf(reldate), Integer.toString(maxRecords));
        }
    }

    /** The resume state: the search answer and the batches fetched so far (content hashes). */
    record State(String query, String webEnv, String queryKey, int count, List<String> ids, List<String> batches) {
    }

    private static final ObjectMapper JSON = Yaml.json();

    private final Query query;
    private final Fetcher fetcher;
    private final Path stateFile;
    private final Function<String, Path> cacheBlob;

    /**
     * @param stateFile where the resume state is kept
     * @param cacheBlob finds a fetched body again by its content hash (the download cache)
     */
    public EutilsSource(Query query, Fetcher fetcher, Path stateFile, Function<String, Path> cacheBlob) {
        this.query = Objects.requireNonNull(query, "query");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
        this.cacheBlob = Objects.requireNonNull(cacheBlob, "cacheBlob");
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        State state = loadState();
        if (state == null) {
            state = search(sink);
            if (state == null) {
                return;
            }
            saveState(state);
        }
        int total = state.webEnv() != null ? Math.min(state.count(), query.maxRecords()) : state.ids().size();
        List<String> batches = new ArrayList<>(state.batches());
        for (int i = 0; i < batches.size(); i++) {
            Path blob = cacheBlob.apply(batches.get(i));
            if (!Files.isRegularFile(blob)) {
                batches = new ArrayList<>(batches.subList(0, i));
                break;
            }
            parse(blob, "efetch retstart=" + i * query.batch(), sink);
        }
        for (int retstart = batches.size() * query.batch(); retstart < total; retstart += query.batch()) {
            int size = Math.min(query.batch(), total - retstart);
            String where = "efetch retstart=" + retstart;
            FetchOutcome out = fetcher.fetch(FetchRequest.get(efetch(state, retstart, size)).accepting("text/xml"));
            if (out instanceof FetchOutcome.Failed f) {
                sink.accept(new ReadOutcome.Failed(where, f.reason() + "; the next run resumes at this batch"));
                saveState(new State(state.query(), state.webEnv(), state.queryKey(), state.count(), state.ids(), batches));
                return;
            }
            FetchOutcome.Body body = (FetchOutcome.Body) out;
            parse(body.file(), where, sink);
            batches.add(body.sha256());
            saveState(new State(state.query(), state.webEnv(), state.queryKey(), state.count(), state.ids(), batches));
        }
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            sink.accept(new ReadOutcome.Failed(stateFile.toString(), "cannot remove the resume file: " + e.getMessage()));
        }
    }

    private static void parse(Path blob, String where, Consumer<ReadOutcome> sink) {
        Downloaded.read(new PubMedXmlSource(blob), blob, where, sink);
    }

    private State search(Consumer<ReadOutcome> sink) {
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
        Document dom;
        try (InputStream in = Files.newInputStream(((FetchOutcome.Body) out).file())) {
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
        return new State(query.key(), webEnv, queryKey, count, ids, List.of());
    }

    private URI efetch(State s, int retstart, int size) {
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

    private State loadState() {
        if (!Files.isRegularFile(stateFile)) {
            return null;
        }
        try {
            State s = JSON.readValue(stateFile.toFile(), State.class);
            return s != null && query.key().equals(s.query()) && s.batches() != null ? s : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void saveState(State s) {
        try {
            Files.createDirectories(stateFile.getParent());
            Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), s);
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the resume file " + stateFile + ": " + e.getMessage(), e);
        }
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
