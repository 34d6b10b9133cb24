package fr.preuve.indexer.source.local;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.Downloaded;
import fr.preuve.indexer.source.InputLimits;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.has.HasApiXmlSource;
import fr.preuve.indexer.source.jats.JatsSource;
import fr.preuve.indexer.source.pubmed.PubMedXmlSource;
import fr.preuve.indexer.source.web.WebPages;
import fr.preuve.indexer.source.pdf.PdfSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Every file under a folder (sub-folders included, hidden files skipped, in path order), its kind detected from its
 * content rather than its name: PDF ({@code %PDF-}), gzip (looked into), XML by its root element (PubMed
 * {@code PubmedArticleSet}, JATS {@code article}/{@code pmc-articleset}, HAS API {@code dataset}), HTML, then
 * Markdown ({@code .md}) and plain text, in whatever charset {@link TextCharsets} recognises (BOM, UTF-8, HTML meta,
 * else detected: a Windows-1252 French note is read with its accents); binary content is refused. PDFs, HTML, Markdown
 * and text become {@code local:<relative path>} documents; PubMed and JATS keep their own ids. The folder is never left
 * ({@link FolderWalk}: links outside, loops, devices and FIFOs are reported, not read) and {@link InputLimits} caps
 * each file and the folder's total. Each file that cannot be read is one failure naming it; the others are read.
 */
public final class LocalFolderSource implements DocumentSource {

    /** What a file's first bytes say it is. */
    enum Kind { PDF, PUBMED, JATS, HAS_API, HTML, MARKDOWN, TEXT, EMPTY, BINARY, UNDECODABLE, UNKNOWN }

    private static final int SNIFF = 8192;
    private static final Pattern ROOT = Pattern.compile(
            "^(?:\\s|<\\?[^>]*\\?>|<!--.*?-->|<!DOCTYPE[^\\[>]*(?:\\[.*?\\])?\\s*>)*<([A-Za-z_][\\w.:-]*)", Pattern.DOTALL);
    private static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    private final Path dir;
    private final String defaultLanguage;
    private final InputLimits limits;

    public LocalFolderSource(Path dir, String defaultLanguage) {
        this(dir, defaultLanguage, InputLimits.DEFAULTS);
    }

    /** A folder read within {@code limits} (file and source size caps, PDF pages, gzip expansion). */
    public LocalFolderSource(Path dir, String defaultLanguage, InputLimits limits) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.defaultLanguage = defaultLanguage == null ? "en" : defaultLanguage;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        List<FolderWalk.Entry> entries;
        try {
            entries = FolderWalk.walk(dir);
        } catch (IOException e) {
            sink.accept(new ReadOutcome.Failed(dir.toString(), "cannot list the folder: " + e.getMessage()));
            return;
        }
        if (entries.isEmpty()) {
            sink.accept(new ReadOutcome.Failed(dir.toString(), "the folder holds no file"));
        }
        long total = 0;
        for (FolderWalk.Entry entry : entries) {
            switch (entry) {
                case FolderWalk.Skipped s -> sink.accept(new ReadOutcome.Failed(s.rel(), s.reason()));
                case FolderWalk.Found f -> {
                    Optional<String> over = overCap(f, total);
                    if (over.isPresent()) {
                        sink.accept(new ReadOutcome.Failed(f.rel(), over.get()));
                        continue;
                    }
                    total += f.size();
                    try {
                        readFile(f.real(), f.rel(), sink);
                    } catch (RuntimeException e) {
                        sink.accept(new ReadOutcome.Failed(f.rel(), "cannot read: " + e));
                    }
                }
            }
        }
    }

    /** Why {@code f} is not read when {@code total} bytes of the folder were read before it, if a cap says so. */
    private Optional<String> overCap(FolderWalk.Found f, long total) {
        if (f.size() > limits.maxFileSize()) {
            return Optional.of("file is " + InputLimits.human(f.size()) + ", over the " + InputLimits.human(limits.maxFileSize())
                    + " cap per file (maxFileSize): skipped");
        }
        if (f.size() > limits.maxSourceSize() - total) {
            return Optional.of("skipped: the folder's files read before it make " + InputLimits.human(total) + " and this "
                    + InputLimits.human(f.size()) + " file would pass the " + InputLimits.human(limits.maxSourceSize())
                    + " cap per source (maxSourceSize)");
        }
        return Optional.empty();
    }

    private void readFile(Path file, String rel, Consumer<ReadOutcome> sink) {
        Kind kind;
        try {
            kind = detect(file, rel.substring(rel.lastIndexOf('/') + 1));
        } catch (IOException e) {
            sink.accept(new ReadOutcome.Failed(rel, "cannot read: " + e.getMessage()));
            return;
        }
        DocumentId id = DocumentId.of(SourceKind.LOCAL, rel.replaceAll("[^A-Za-z0-9._/-]", "_").replaceAll("^[^A-Za-z0-9]+", "x"));
        switch (kind) {
            case EMPTY -> sink.accept(new ReadOutcome.Failed(rel, "file is empty"));
            case PDF -> Downloaded.read(new PdfSource(file, SourceKind.LOCAL,
                    new PdfSource.Meta(id.nativeId(), null, null, null, defaultLanguage, null, null), null, limits), file, rel, sink);
            case PUBMED -> Downloaded.read(new PubMedXmlSource(file), file, rel, sink);
            case JATS -> Downloaded.read(new JatsSource(file), file, rel, sink);
            case HAS_API -> Downloaded.read(new HasApiXmlSource(file), file, rel, sink);
            case HTML -> decoded(file, rel, true, sink).ifPresent(html -> {
                try {
                    sink.accept(new ReadOutcome.Read(WebPages.document(id, Jsoup.parse(html, ""), null,
                            defaultLanguage, stem(rel))));
                } catch (IllegalArgumentException e) {
                    sink.accept(new ReadOutcome.Failed(rel, e.getMessage()));
                }
            });
            case MARKDOWN, TEXT -> text(file, rel, id, kind == Kind.MARKDOWN, sink);
            case BINARY, UNDECODABLE -> sink.accept(new ReadOutcome.Failed(rel, "unrecognised file type: "
                    + (kind == Kind.BINARY ? TextCharsets.Refusal.BINARY : TextCharsets.Refusal.UNKNOWN_ENCODING).reason()));
            case UNKNOWN -> sink.accept(new ReadOutcome.Failed(rel, "unrecognised file type (not PDF, XML, HTML, "
                    + "Markdown or text)"));
        }
    }

    /** The kind of {@code file} from its first bytes; the name only decides Markdown versus text, or PDF when claimed. */
    static Kind detect(Path file, String fileName) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            head = in.readNBytes(SNIFF);
        }
        if (head.length == 0) {
            return Kind.EMPTY;
        }
        String latin = new String(head, StandardCharsets.ISO_8859_1);
        if (latin.startsWith("%PDF-") || latin.substring(0, Math.min(1024, latin.length())).contains("%PDF-")) {
            return Kind.PDF;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            byte[] inner;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS))) {
                inner = in.readNBytes(SNIFF);
            } catch (IOException e) {
                inner = new byte[0];
            }
            Kind k = xmlKind(new String(inner, StandardCharsets.UTF_8));
            // a truncated or unreadable gzip of PubMed is the usual case: the PubMed reader reports it precisely
            return k == null ? Kind.PUBMED : k;
        }
        if (name.endsWith(".pdf")) {
            return Kind.PDF; // claims to be a PDF and is not: the PDF reader says why
        }
        boolean htmlName = name.endsWith(".html") || name.endsWith(".htm");
        String ascii = latin.toLowerCase(Locale.ROOT);
        boolean html = htmlName || ascii.contains("<html") || ascii.contains("<!doctype html");
        String text;
        switch (TextCharsets.decode(head, head.length == SNIFF, html)) {
            case TextCharsets.Decoded d -> text = d.text();
            case TextCharsets.Refused r -> {
                return r.why() == TextCharsets.Refusal.BINARY ? Kind.BINARY : Kind.UNDECODABLE;
            }
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<html")
                && start.indexOf("<html") < 512) {
            return Kind.HTML;
        }
        Kind k = xmlKind(text);
        if (k != null) {
            return k;
        }
        if (start.startsWith("<")) {
            return htmlName ? Kind.HTML : Kind.UNKNOWN;
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Kind.MARKDOWN;
        }
        return Kind.TEXT;
    }

    private static Kind xmlKind(String text) {
        Matcher m = ROOT.matcher(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (!m.lookingAt()) {
            return null;
        }
        return switch (m.group(1)) {
            case "PubmedArticleSet", "PubmedArticle", "MedlineCitationSet" -> Kind.PUBMED;
            case "article", "pmc-articleset" -> Kind.JATS;
            case "dataset" -> Kind.HAS_API;
            case "html" -> Kind.HTML;
            default -> null;
        };
    }

    /** The whole file as text (charset by {@link TextCharsets}), or empty once its failure is reported. */
    private Optional<String> decoded(Path file, String rel, boolean html, Consumer<ReadOutcome> sink) {
        byte[] bytes;
        // the path was resolved when the folder was walked: a link put in its place since is not followed, and a file
        // grown since is not read past the cap
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileSize() + 1));
        } catch (IOException e) {
            sink.accept(new ReadOutcome.Failed(rel, "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
        if (bytes.length > limits.maxFileSize()) {
            sink.accept(new ReadOutcome.Failed(rel, "file grew over the " + InputLimits.human(limits.maxFileSize())
                    + " cap per file (maxFileSize) while it was read: skipped"));
            return Optional.empty();
        }
        return switch (TextCharsets.decode(bytes, false, html)) {
            case TextCharsets.Decoded d -> Optional.of(d.text());
            case TextCharsets.Refused r -> {
                sink.accept(new ReadOutcome.Failed(rel, "unrecognised file type: " + r.why().reason()));
                yield Optional.empty();
            }
        };
    }

    /** Markdown: a section per heading; text: one section per blank-line-separated block under no heading. */
    private void text(Path file, String rel, DocumentId id, boolean markdown, Consumer<ReadOutcome> sink) {
        Optional<String> decoded = decoded(file, rel, false, sink);
        if (decoded.isEmpty()) {
            return;
        }
        String content = decoded.get();
        List<Section> sections = new ArrayList<>();
        String title = null;
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String line : content.split("\r\n|\r|\n", -1)) {
            Matcher h = markdown ? MD_HEADING.matcher(line) : null;
            if (h != null && h.matches()) {
                flush(sections, heading, body);
                heading = h.group(2);
                if (title == null && h.group(1).length() == 1) {
                    title = heading;
                }
            } else if (line.isBlank()) {
                if (!body.isEmpty() && body.charAt(body.length() - 1) != '\n') {
                    body.append('\n');
                }
            } else {
                body.append(body.isEmpty() || body.charAt(body.length() - 1) == '\n' ? "" : " ").append(line.strip());
            }
        }
        flush(sections, heading, body);
        if (sections.isEmpty()) {
            sink.accept(new ReadOutcome.Failed(rel, "file has no text"));
            return;
        }
        if (title == null) {
            String first = sections.getFirst().text().lines().findFirst().orElse("");
            title = first.length() <= 120 ? first : stem(rel);
        }
        sink.accept(new ReadOutcome.Read(new SourceDocument(id, title, defaultLanguage, null, null, sections,
                java.util.Map.of("file", rel))));
    }

    private static void flush(List<Section> sections, String heading, StringBuilder body) {
        String text = body.toString().strip();
        if (!text.isEmpty()) {
            sections.add(Section.of(heading, text));
        }
        body.setLength(0);
    }

    private static String stem(String rel) {
        String n = rel.substring(rel.lastIndexOf('/') + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
