package fr.preuve.indexer.source.who;

import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.pdf.PdfSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One WHO guideline PDF → one document {@code who:<id>}, read page by page by {@link PdfSource} (the id is the ISBN
 * digits, the IRIS handle or a report number given in the {@link PdfSource.Meta}, else the file name stem).
 */
public final class WhoPdfSource implements DocumentSource {

    private final PdfSource pdf;

    public WhoPdfSource(Path pdf, PdfSource.Meta meta) {
        this(pdf, meta, null);
    }

    /** With extra document metadata for citations (isbn, licence...). */
    public WhoPdfSource(Path pdf, PdfSource.Meta meta, Map<String, String> metadata) {
        this.pdf = new PdfSource(pdf, SourceKind.WHO, meta, metadata);
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        pdf.read(sink);
    }
}
