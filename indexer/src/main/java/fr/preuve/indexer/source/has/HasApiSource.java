package fr.preuve.indexer.source.has;

import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.fetch.FetchOutcome;
import fr.preuve.indexer.fetch.FetchRequest;
import fr.preuve.indexer.fetch.Fetcher;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.Downloaded;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.who.WhoPdfSource;
import fr.preuve.indexer.source.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The HAS publication API, paginated ({@code start}, {@code pageSize}): {@code /rest/data/<content type>} for each
 * declared type, or {@code /rest/search} with text, types, categories, languages and dates. Each page is read by
 * {@link HasApiXmlSource} (title, date, HTML summary cut into sections at its headings); with {@code pdfs}, each
 * attached PDF is downloaded once (kept in the download cache) and read page by page as its own document
 * {@code has:<publication id>/<file name>}, carrying the publication's title, type, date and page
 * {@code https://www.has-sante.fr/jcms/<id>}.
 *
 * <p>Paging stops at the pager's {@code total}, at {@code limit}, or at a page that brings no new publication.
 */
public final class HasApiSource implements DocumentSource {

    /**
     * What to list.
     *
     * @param base      API base, ending with {@code /rest/}
     * @param types     content types' internal names, each listed with {@code /rest/data/<type>}; empty when
     *                  {@code search} is used
     * @param search    parameters of {@code /rest/search} ({@code text}, {@code types}, {@code cids}, {@code catMode},
     *                  {@code langs}, {@code dateType}, {@code beginDateStr}, {@code endDateStr}), or null
     * @param pageSize  publications per page
     * @param limit     at most this many publications per listing, or null
     * @param pdfs      whether to download and index attached PDFs
     * @param language  language of the PDFs' text
     */
    public record Listing(String base, List<String> types, Map<String, List<String>> search, int pageSize,
                          Integer limit, boolean pdfs, String language) {
        public Listing {
            Objects.requireNonNull(base, "base");
            types = types == null ? List.of() : List.copyOf(types);
            search = search == null ? null : Map.copyOf(search);
            if (types.isEmpty() == (search == null)) {
                throw new IllegalArgumentException("declare either content types or a search, not both or neither");
            }
            if (pageSize < 1 || pageSize > 500) {
                throw new IllegalArgumentException("pageSize must be between 1 and 500, got " + pageSize);
            }
        }
    }

    private final Listing listing;
    private final Fetcher fetcher;

    public HasApiSource(Listing listing, Fetcher fetcher) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        Set<String> seen = new HashSet<>();
        if (listing.search() != null) {
            page(listing.base() + "search", query(listing.search()), seen, sink);
        } else {
            for (String type : listing.types()) {
                page(listing.base() + "data/" + URLEncoder.encode(type, StandardCharsets.UTF_8), "", seen, sink);
            }
        }
    }

    private void page(String endpoint, String query, Set<String> seen, Consumer<ReadOutcome> sink) {
        int taken = 0;
        for (int start = 0; ; start += listing.pageSize()) {
            URI uri = URI.create(endpoint + "?" + query + (query.isEmpty() ? "" : "&") + "start=" + start
                    + "&pageSize=" + listing.pageSize());
            FetchOutcome out = fetcher.fetch(FetchRequest.get(uri).accepting("application/xml"));
            if (out instanceof FetchOutcome.Failed f) {
                sink.accept(Downloaded.failure(f));
                return;
            }
            Path file = ((FetchOutcome.Body) out).file();
            List<SourceDocument> fresh = new ArrayList<>();
            boolean[] any = {false};
            Downloaded.read(new HasApiXmlSource(file), file, uri.toString(), outcome -> {
                any[0] = true;
                if (outcome instanceof ReadOutcome.Read r) {
                    if (seen.add(r.document().id().toString())) {
                        fresh.add(r.document());
                    }
                } else {
                    sink.accept(outcome);
                }
            });
            for (SourceDocument d : fresh) {
                if (listing.limit() != null && taken >= listing.limit()) {
                    return;
                }
                taken++;
                sink.accept(new ReadOutcome.Read(d));
                if (listing.pdfs()) {
                    attachments(d, sink);
                }
            }
            Integer total = total(file);
            boolean more = !fresh.isEmpty() && (total == null || start + listing.pageSize() < total)
                    && (listing.limit() == null || taken < listing.limit());
            if (!more) {
                return;
            }
        }
    }

    /** Each attached PDF of {@code publication} as its own document, page by page. */
    private void attachments(SourceDocument publication, Consumer<ReadOutcome> sink) {
        String pdfs = publication.metadata().get("pdfs");
        if (pdfs == null) {
            return;
        }
        for (String url : pdfs.split("; ")) {
            URI uri;
            try {
                // attachments are fetched from the API's own host (the site itself, or a mirror)
                String at = url.startsWith(HasApiXmlSource.SITE)
                        ? URI.create(listing.base()).resolve("/") + url.substring(HasApiXmlSource.SITE.length()) : url;
                uri = URI.create(at.strip().replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                sink.accept(new ReadOutcome.Failed(publication.id() + " " + url, "bad PDF URL: " + e.getMessage()));
                continue;
            }
            FetchOutcome out = fetcher.fetch(FetchRequest.immutable(uri).accepting("application/pdf"));
            if (out instanceof FetchOutcome.Failed f) {
                sink.accept(Downloaded.failure(f));
                continue;
            }
            String name = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
            String stem = name.replaceFirst("(?i)\\.pdf$", "").replaceAll("[^A-Za-z0-9._-]", "_");
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("publication", publication.id().toString());
            meta.put("pdf", uri.toString());
            if (publication.metadata().containsKey("type")) {
                meta.put("type", publication.metadata().get("type"));
            }
            WhoPdfSource.Meta m = new WhoPdfSource.Meta(publication.id().nativeId() + "/" + stem, publication.title(),
                    publication.date(), publication.url(), listing.language(), null, null);
            Path file = ((FetchOutcome.Body) out).file();
            Downloaded.read(new WhoPdfSource(file, SourceKind.HAS, m, meta), file, uri.toString(), sink);
        }
    }

    /** The pager's {@code total} attribute, read before the first publication; null when absent. */
    static Integer total(Path page) {
        try (InputStream in = Files.newInputStream(page)) {
            XMLStreamReader r = SecureXml.xmlInputFactory().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        String name = r.getLocalName();
                        if (name.equals("pager")) {
                            String t = r.getAttributeValue(null, "total");
                            return t != null && t.matches("\\d{1,9}") ? Integer.valueOf(t) : null;
                        }
                        if (name.equals("data")) {
                            return null;
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException e) {
            return null;
        }
        return null;
    }

    private static String query(Map<String, List<String>> params) {
        StringBuilder sb = new StringBuilder();
        params.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            for (String v : e.getValue()) {
                sb.append(sb.isEmpty() ? "" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }
}
