package fr.preuve.indexer.source.has;

import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.core.hash.Sha256;
import fr.preuve.indexer.fetch.FetchOutcome;
import fr.preuve.indexer.fetch.FetchRequest;
import fr.preuve.indexer.fetch.Fetcher;
import fr.preuve.indexer.source.ResumableSource;
import fr.preuve.indexer.source.Downloaded;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.pdf.PdfSource;
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
public final class HasApiSource implements ResumableSource {

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

    /**
     * Reads every listing from {@code cursor} on. The cursor after each page names the listing ({@code key}), the
     * endpoint (content type or search, {@code endpoint}), the next page ({@code start}) and the publications taken
     * so far ({@code taken}, for {@code limit}). A page that fails stops the source there, so that its cursor is
     * where the next run resumes.
     */
    @Override
    public void read(Map<String, String> cursor, Consumer<ReadOutcome> sink, Consumer<Map<String, String>> cursors) {
        List<String> endpoints = endpoints();
        String key = Sha256.hex(String.join("\n", endpoints) + "\n" + listing.pageSize() + "|" + listing.limit() + "|"
                + listing.pdfs()).substring(0, 16);
        int endpoint = 0;
        int start = 0;
        int taken = 0;
        if (key.equals(cursor.get("key")) && number(cursor.get("endpoint")) < endpoints.size()
                && number(cursor.get("start")) >= 0 && number(cursor.get("taken")) >= 0) {
            endpoint = number(cursor.get("endpoint"));
            start = number(cursor.get("start"));
            taken = number(cursor.get("taken"));
        }
        Set<String> seen = new HashSet<>();
        for (int e = endpoint; e < endpoints.size(); e++) {
            int from = e == endpoint ? start : 0;
            int already = e == endpoint ? taken : 0;
            int next = e + 1;
            boolean done = page(endpoints.get(e), from, already, seen, sink, (nextStart, took) -> cursors.accept(
                    nextStart >= 0 ? cursor(key, next - 1, nextStart, took)
                            : next < endpoints.size() ? cursor(key, next, 0, 0) : Map.of()));
            if (!done) {
                return;
            }
        }
    }

    /** {@code <base>search?<query>} or {@code <base>data/<type>?} for each type: the listings to page through. */
    private List<String> endpoints() {
        if (listing.search() != null) {
            return List.of(listing.base() + "search?" + query(listing.search()));
        }
        return listing.types().stream()
                .map(type -> listing.base() + "data/" + URLEncoder.encode(type, StandardCharsets.UTF_8) + "?").toList();
    }

    private static Map<String, String> cursor(String key, int endpoint, int start, int taken) {
        return Map.of("key", key, "endpoint", Integer.toString(endpoint), "start", Integer.toString(start),
                "taken", Integer.toString(taken));
    }

    private static int number(String s) {
        return s != null && s.matches("\\d{1,9}") ? Integer.parseInt(s) : -1;
    }

    /** After a page: the next page's {@code start} (-1 when the listing is read to its end) and the count taken. */
    private interface PageDone {
        void after(int nextStart, int taken);
    }

    /** Pages through one listing from {@code start}; false when a page failed (reported), true at its end. */
    private boolean page(String endpoint, int start, int taken, Set<String> seen, Consumer<ReadOutcome> sink,
                         PageDone done) {
        for (; ; start += listing.pageSize()) {
            URI uri = URI.create(endpoint + (endpoint.endsWith("?") ? "" : "&") + "start=" + start
                    + "&pageSize=" + listing.pageSize());
            FetchOutcome out = fetcher.fetch(FetchRequest.get(uri).accepting("application/xml"));
            if (out instanceof FetchOutcome.Failed f) {
                sink.accept(Downloaded.failure(f));
                return false;
            }
            Path file = ((FetchOutcome.Body) out).file();
            List<SourceDocument> fresh = new ArrayList<>();
            Downloaded.read(new HasApiXmlSource(file), file, uri.toString(), outcome -> {
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
                    break;
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
            done.after(more ? start + listing.pageSize() : -1, taken);
            if (!more) {
                return true;
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
            PdfSource.Meta m = new PdfSource.Meta(publication.id().nativeId() + "/" + stem, publication.title(),
                    publication.date(), publication.url(), listing.language(), null, null);
            Path file = ((FetchOutcome.Body) out).file();
            Downloaded.read(new PdfSource(file, SourceKind.HAS, m, meta), file, uri.toString(), sink);
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
