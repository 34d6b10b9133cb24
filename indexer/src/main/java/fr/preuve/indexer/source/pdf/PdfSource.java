package fr.preuve.indexer.source.pdf;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.InputLimits;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.pdf.PdfPageCleaner.CleanPage;
import fr.preuve.indexer.source.pdf.PdfPageCleaner.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * One PDF → one document under a {@link SourceKind} (a WHO guideline, a HAS attachment, a local file), one
 * {@link Section} per page with text ({@code page} = the 1-based PDF page, not the number printed on it). Page text is
 * cleaned by {@link PdfPageCleaner}: running headers/footers and page numbers removed, hyphenated words rejoined,
 * wrapped lines joined into paragraphs separated by {@code "\n"}. Pages without text (scans, images) are skipped.
 *
 * <p>The PDF is read from disk on demand and PDFBox's stream cache uses temporary files, capped at
 * {@link InputLimits#pdfScratchSize}, so a 450-page guideline does not need much heap. At most
 * {@link InputLimits#maxPdfPages} pages are read (the rest is one failure); images are never decoded: text extraction
 * skips image XObjects. A PDF that needs a password, forbids text extraction, is corrupt, is not a PDF, or has no text
 * is reported as one {@link ReadOutcome.Failed} naming the file; a page whose extraction fails is reported with its
 * page number and the other pages are kept.
 */
public final class PdfSource implements DocumentSource {

    /**
     * What the PDF does not say reliably about itself.
     *
     * @param nativeId  id after {@code <kind>:} (for WHO: ISBN digits {@code 9789241549929}, IRIS handle
     *                  {@code 10665/251730}); null = the file name stem
     * @param title     title as published; null = the PDF's Title property, else the file name stem
     * @param date      {@code yyyy[-MM[-dd]]} or null
     * @param url       IRIS handle or WHO page, or null
     * @param language  ISO 639-1 code; null = "en"
     * @param firstPage first PDF page to read (1-based), null = 1
     * @param lastPage  last PDF page to read, null = the last page
     */
    public record Meta(String nativeId, String title, String date, String url, String language, Integer firstPage,
                       Integer lastPage) {
        public Meta {
            language = language == null || language.isBlank() ? "en" : language;
            if (firstPage != null && firstPage < 1) {
                throw new IllegalArgumentException("firstPage must be >= 1, got " + firstPage);
            }
            if (firstPage != null && lastPage != null && lastPage < firstPage) {
                throw new IllegalArgumentException("lastPage " + lastPage + " is before firstPage " + firstPage);
            }
        }

        /** English, all pages. */
        public Meta(String nativeId, String title, String date, String url) {
            this(nativeId, title, date, url, "en", null, null);
        }

        /** Everything from the file: id = file name stem, title = PDF Title property or stem. */
        public static Meta fromFile() {
            return new Meta(null, null, null, null);
        }

        public Meta withPages(Integer first, Integer last) {
            return new Meta(nativeId, title, date, url, language, first, last);
        }
    }

    private final Path pdf;
    private final SourceKind kind;
    private final Meta meta;
    private final Map<String, String> metadata;
    private final InputLimits limits;

    /**
     * @param kind     the id prefix of the document
     * @param meta     what the PDF does not say reliably about itself; null = everything from the file
     * @param metadata extra document metadata for citations (isbn, licence...), or null
     */
    public PdfSource(Path pdf, SourceKind kind, Meta meta, Map<String, String> metadata) {
        this(pdf, kind, meta, metadata, InputLimits.DEFAULTS);
    }

    /** A PDF read within {@code limits}: its pages up to {@link InputLimits#maxPdfPages}, its decoded streams capped. */
    public PdfSource(Path pdf, SourceKind kind, Meta meta, Map<String, String> metadata, InputLimits limits) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.pdf = Objects.requireNonNull(pdf, "pdf");
        this.meta = meta == null ? Meta.fromFile() : meta;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        String file = String.valueOf(pdf.getFileName());
        try {
            readPdf(file, sink);
        } catch (OutOfMemoryError e) {
            sink.accept(new ReadOutcome.Failed(file, "not enough memory to read this PDF"));
        } catch (RuntimeException e) {
            sink.accept(new ReadOutcome.Failed(file, "cannot read PDF: " + e));
        }
    }

    private void readPdf(String file, Consumer<ReadOutcome> sink) {
        String problem = checkHeader();
        if (problem != null) {
            sink.accept(new ReadOutcome.Failed(file, problem));
            return;
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(),
                MemoryUsageSetting.setupTempFileOnly(limits.pdfScratchSize()).streamCache)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                sink.accept(new ReadOutcome.Failed(file, "PDF is encrypted and its permissions forbid text extraction"));
                return;
            }
            int pageCount = doc.getNumberOfPages();
            if (pageCount == 0) {
                sink.accept(new ReadOutcome.Failed(file, "PDF has no pages"));
                return;
            }
            int first = meta.firstPage() == null ? 1 : meta.firstPage();
            int last = meta.lastPage() == null ? pageCount : Math.min(meta.lastPage(), pageCount);
            if (first > last) {
                sink.accept(new ReadOutcome.Failed(file, "page range " + first + "-" + meta.lastPage()
                        + " is outside the PDF's " + pageCount + " pages"));
                return;
            }
            if (last - first + 1 > limits.maxPdfPages()) {
                int capped = first + limits.maxPdfPages() - 1;
                sink.accept(new ReadOutcome.Failed(file + "#page=" + (capped + 1), "pages " + (capped + 1) + "-" + last
                        + " not read: over the cap of " + limits.maxPdfPages() + " pages per PDF (the PDF has "
                        + pageCount + ")"));
                last = capped;
            }
            PdfLineCollector collector = new PdfLineCollector();
            List<RawPage> raw = new ArrayList<>();
            for (int p = first; p <= last; p++) {
                try {
                    raw.add(new RawPage(p, collector.page(doc, p)));
                } catch (IOException | RuntimeException e) {
                    sink.accept(new ReadOutcome.Failed(file + "#page=" + p, "cannot extract the text of page " + p + ": "
                            + (overScratch(e) ? scratchReason() : e)));
                    collector = new PdfLineCollector();
                }
            }
            List<Section> sections = new ArrayList<>();
            for (CleanPage page : PdfPageCleaner.clean(raw)) {
                if (!page.text().isBlank()) {
                    sections.add(Section.page(page.page(), page.heading(), page.text()));
                }
            }
            if (sections.isEmpty()) {
                sink.accept(new ReadOutcome.Failed(file, "PDF has no extractable text in pages " + first + "-" + last
                        + " (scanned images?)"));
                return;
            }
            String stem = stem(file);
            String title = firstNonBlank(meta.title(), doc.getDocumentInformation().getTitle(), stem);
            String nativeId = meta.nativeId() == null || meta.nativeId().isBlank() ? safeId(stem) : meta.nativeId();
            SourceDocument document = new SourceDocument(DocumentId.of(kind, nativeId), title.strip(),
                    meta.language(), meta.date(), meta.url(), sections, metadata);
            sink.accept(new ReadOutcome.Read(document));
        } catch (InvalidPasswordException e) {
            sink.accept(new ReadOutcome.Failed(file, "PDF is encrypted (a password is needed to open it)"));
        } catch (IOException e) {
            sink.accept(new ReadOutcome.Failed(file, overScratch(e) ? scratchReason()
                    : "corrupt or unreadable PDF: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            sink.accept(new ReadOutcome.Failed(file, "bad metadata for this PDF: " + e.getMessage()));
        }
    }

    /** True when PDFBox stopped at the cap on its temporary storage ({@link InputLimits#pdfScratchSize}). */
    private static boolean overScratch(Exception e) {
        return e.getMessage() != null && e.getMessage().contains("Maximum allowed scratch file memory exceeded");
    }

    private String scratchReason() {
        return "the PDF's decoded streams need more than " + InputLimits.human(limits.pdfScratchSize())
                + " of temporary space (a compression bomb?): not read";
    }

    /** Null when the file starts like a PDF, else why not. */
    private String checkHeader() {
        try {
            if (!Files.isRegularFile(pdf)) {
                return "file not found: " + pdf;
            }
            if (Files.size(pdf) == 0) {
                return "file is empty";
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(pdf)) {
                head = in.readNBytes(1024);
            }
            String s = new String(head, StandardCharsets.ISO_8859_1);
            if (!s.contains("%PDF-")) {
                String start = s.substring(0, Math.min(16, s.length())).replaceAll("[^\\x20-\\x7E]", "?");
                return "not a PDF: the file does not start with %PDF- (starts with \"" + start + "\")";
            }
            return null;
        } catch (IOException e) {
            return "cannot read file: " + e.getMessage();
        }
    }

    private static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static String safeId(String stem) {
        String id = stem.replaceAll("[^A-Za-z0-9._\\-/]", "_").replaceAll("^[^A-Za-z0-9]+", "");
        return id.isEmpty() ? "document" : id;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "untitled";
    }
}
