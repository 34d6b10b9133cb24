package fr.preuve.indexer.source.who;

import fr.preuve.indexer.fetch.FetchOutcome;
import fr.preuve.indexer.fetch.FetchRequest;
import fr.preuve.indexer.fetch.Fetcher;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.Downloaded;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.pdf.PdfSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * WHO guideline PDFs from IRIS (the WHO institutional repository), each declared with its bibliographic facts; each
 * PDF is downloaded once (kept in the download cache: an IRIS bitstream does not change) and read page by page by
 * {@link WhoPdfSource}. The document id is {@code who:<ISBN digits>}, else {@code who:<handle>}; its link is the
 * handle page {@code https://iris.who.int/handle/<handle>} when known, else the PDF URL.
 */
public final class WhoIrisSource implements DocumentSource {

    /**
     * One guideline.
     *
     * @param handle   IRIS handle ({@code 10665/251730}), or null
     * @param pdf      the PDF's URL ({@code https://iris.who.int/bitstream/handle/10665/251730/9789241549929-eng.pdf})
     * @param date     {@code yyyy[-MM[-dd]]}, or null
     * @param isbn     ISBN as printed, or null
     * @param language ISO 639-1 code, or null for English
     */
    public record Guideline(String handle, String pdf, String title, String date, String isbn, String language) {
        public Guideline {
            if (pdf == null || pdf.isBlank()) {
                throw new IllegalArgumentException("guideline '" + title + "': 'pdf' (the PDF's URL) is required");
            }
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("guideline " + pdf + ": 'title' is required");
            }
            if (handle != null && !handle.matches("\\d+/\\d+")) {
                throw new IllegalArgumentException("guideline " + pdf + ": handle must look like 10665/251730, got '" + handle + "'");
            }
        }

        String nativeId() {
            if (isbn != null && !isbn.isBlank()) {
                return isbn.replaceAll("[^0-9Xx]", "");
            }
            if (handle != null) {
                return handle;
            }
            String path = URI.create(pdf).getPath();
            return path.substring(path.lastIndexOf('/') + 1).replaceFirst("(?i)\\.pdf$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        }

        String link() {
            return handle != null ? "https://iris.who.int/handle/" + handle : pdf;
        }
    }

    private final List<Guideline> guidelines;
    private final Fetcher fetcher;

    public WhoIrisSource(List<Guideline> guidelines, Fetcher fetcher) {
        this.guidelines = List.copyOf(guidelines);
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        for (Guideline g : guidelines) {
            URI uri;
            try {
                uri = URI.create(g.pdf().strip());
            } catch (IllegalArgumentException e) {
                sink.accept(new ReadOutcome.Failed(g.pdf(), "bad URL: " + e.getMessage()));
                continue;
            }
            FetchOutcome out = fetcher.fetch(FetchRequest.immutable(uri).accepting("application/pdf"));
            if (out instanceof FetchOutcome.Failed f) {
                sink.accept(Downloaded.failure(f));
                continue;
            }
            Map<String, String> meta = new LinkedHashMap<>();
            if (g.isbn() != null) {
                meta.put("isbn", g.isbn());
            }
            if (g.handle() != null) {
                meta.put("handle", g.handle());
            }
            meta.put("pdf", uri.toString());
            Path file = ((FetchOutcome.Body) out).file();
            PdfSource.Meta m = new PdfSource.Meta(g.nativeId(), g.title(), g.date(), g.link(), g.language(), null, null);
            Downloaded.read(new WhoPdfSource(file, m, meta), file, uri.toString(), sink);
        }
    }
}
