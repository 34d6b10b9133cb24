package fr.preuve.eval.beir;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.config.SourceSpecs;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.ReadOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A BEIR corpus read as Preuve documents, so it is indexed by the same {@link fr.preuve.indexer.pipeline.Indexer} as
 * real corpora: id {@code local:<BEIR id>} (see {@link BeirIds}), the BEIR title, one section holding the text,
 * language {@code en}. A malformed line is reported as {@link ReadOutcome.Failed} naming the file and line.
 */
public final class BeirSource implements DocumentSource {

    private final Path corpus;
    private final String dataset;

    public BeirSource(Path corpus, String dataset) {
        this.corpus = corpus;
        this.dataset = dataset;
    }

    /** The corpus declaration that indexes {@code dataset} under the index name {@code beir-<name>}. */
    public static CorpusConfig corpusConfig(BeirDataset dataset) {
        String name = indexName(dataset.name());
        return new CorpusConfig(name, "BEIR dataset " + dataset.name() + " (" + dataset.dir() + ")", null, null,
                List.of(new SourceSpecs.Provided("beir:" + dataset.name(), "see " + dataset.dir().resolve("SOURCE.txt"),
                        List.of(dataset.corpus().toAbsolutePath()), new BeirSource(dataset.corpus(), dataset.name()))),
                null);
    }

    /** {@code beir-<name>}, lower-cased, with characters outside {@code [a-z0-9_-]} replaced by '-'. */
    public static String indexName(String datasetName) {
        String n = "beir-" + datasetName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    /** The Preuve document for one BEIR document. */
    public static SourceDocument toDocument(BeirDocument d, String dataset) {
        String text = d.text().strip().replaceAll("\\s+", " ");
        String title = d.title().strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            text = title;
        }
        if (title.isEmpty()) {
            title = text.length() <= 80 ? text : text.substring(0, text.lastIndexOf(' ', 80) > 0 ? text.lastIndexOf(' ', 80) : 80) + "…";
        }
        return new SourceDocument(DocumentId.of(SourceKind.LOCAL, BeirIds.nativeId(d.id())), title, "en", null, null,
                List.of(Section.of(null, text)), Map.of("dataset", dataset, "beir-id", d.id()));
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        BeirDataset.forEachLine(corpus, (line, text) -> {
            try {
                sink.accept(new ReadOutcome.Read(toDocument(BeirDataset.parseDocument(corpus, line, text), dataset)));
            } catch (IllegalArgumentException e) {
                sink.accept(new ReadOutcome.Failed(corpus.getFileName() + ":" + line, e.getMessage()));
            }
        });
    }
}
