package fr.preuve.eval.dataset;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.config.SourceSpec;
import fr.preuve.indexer.source.ReadOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every document a corpus declaration produces, read with the indexer's own sources (no index, no embeddings): used
 * to check that the gold documents and key facts of a questions file exist in the corpus they are asked over.
 *
 * <p>{@code main} dumps the documents as text files, one per document, for people writing questions:
 * {@code java ... fr.preuve.eval.dataset.CorpusDocuments corpus-config/demo.yaml /tmp/demo-docs}.
 *
 * @param documents by id, in corpus order
 * @param failures  items the sources could not read ({@code location: reason})
 */
public record CorpusDocuments(Map<DocumentId, SourceDocument> documents, List<String> failures) {

    public static CorpusDocuments load(Path corpusYaml) {
        CorpusConfig config = CorpusConfig.load(corpusYaml);
        Map<DocumentId, SourceDocument> docs = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (SourceSpec spec : config.sources()) {
            spec.open(config.baseDir()).read(outcome -> {
                switch (outcome) {
                    case ReadOutcome.Read r -> docs.putIfAbsent(r.document().id(), r.document());
                    case ReadOutcome.Failed f -> failures.add(f.location() + ": " + f.reason());
                }
            });
        }
        return new CorpusDocuments(docs, failures);
    }

    /**
     * What a reader of the document sees, for key-fact checks: title, then each section heading and text, spaces
     * normalised.
     */
    public static String searchableText(SourceDocument d) {
        StringBuilder sb = new StringBuilder(d.title());
        for (Section s : d.sections()) {
            sb.append('\n');
            if (s.heading() != null) {
                sb.append(s.heading()).append('\n');
            }
            sb.append(s.text());
        }
        return Jsonl.normalizeSpaces(sb.toString());
    }

    /** True when {@code fact}, spaces normalised, occurs in the document (case-insensitive). */
    public static boolean contains(SourceDocument d, String fact) {
        return searchableText(d).toLowerCase(Locale.ROOT).contains(Jsonl.normalizeSpaces(fact).toLowerCase(Locale.ROOT));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CorpusDocuments <corpus.yaml> <output dir>");
            System.exit(2);
        }
        CorpusDocuments c = load(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        StringBuilder index = new StringBuilder();
        for (SourceDocument d : c.documents().values()) {
            String name = d.id().toString().replaceAll("[^A-Za-z0-9._-]", "_") + ".txt";
            StringBuilder sb = new StringBuilder();
            sb.append(d.id()).append('\n').append(d.title()).append('\n').append(d.date()).append('\n')
                    .append(d.metadata()).append("\n\n");
            for (Section s : d.sections()) {
                sb.append("## ").append(s.heading()).append(s.page() == null ? "" : " [p. " + s.page() + "]")
                        .append('\n').append(s.text()).append("\n\n");
            }
            try {
                Files.writeString(out.resolve(name), sb, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            index.append(d.id()).append('\t').append(d.date()).append('\t').append(d.title()).append('\n');
        }
        Files.writeString(out.resolve("INDEX.tsv"), index, StandardCharsets.UTF_8);
        System.out.println(c.documents().size() + " documents, " + c.failures().size() + " failures");
        c.failures().forEach(f -> System.out.println("  " + f));
    }
}
