package fr.preuve.indexer.config;

import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.SourceContext;
import fr.preuve.indexer.source.bdpm.BdpmOpinionSource;
import fr.preuve.indexer.source.has.HasApiXmlSource;
import fr.preuve.indexer.source.pubmedqa.PubMedQaSource;
import fr.preuve.indexer.source.who.WhoPdfSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The source kinds a corpus file can declare. */
public final class SourceSpecs {
    private SourceSpecs() {
    }

    private static String require(String field, String value, String type) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("source of type " + type + ": '" + field + "' is required");
        }
        return value;
    }

    private static String defaultLabel(String name, String type, String path) {
        return name != null && !name.isBlank() ? name : type + ":" + Path.of(path).getFileName();
    }

    /** The PubMedQA labelled set, read as PubMed abstracts ({@code ori_pqal.json}). */
    public record PubMedQa(String name, String path, String licence) implements SourceSpec {
        public PubMedQa {
            require("path", path, "pubmedqa");
        }

        @Override
        public String label() {
            return defaultLabel(name, "pubmedqa", path);
        }

        @Override
        public List<Path> inputs(Path base) {
            return List.of(base.resolve(path));
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return new PubMedQaSource(context.resolve(path));
        }
    }

    /**
     * A WHO guideline PDF with its bibliographic facts.
     *
     * @param id        native id: ISBN digits, IRIS handle or report number ({@code who:<id>})
     * @param firstPage first PDF page to index (1-based), or null for the first
     * @param lastPage  last PDF page to index, or null for the last
     */
    public record WhoPdf(String name, String path, String id, String title, String date, String url, String language,
                         Integer firstPage, Integer lastPage, String licence) implements SourceSpec {
        public WhoPdf {
            require("path", path, "who-pdf");
            require("title", title, "who-pdf");
            if (firstPage != null && lastPage != null && firstPage > lastPage) {
                throw new IllegalArgumentException("source " + path + ": firstPage " + firstPage + " is after lastPage " + lastPage);
            }
        }

        @Override
        public String label() {
            return defaultLabel(name, "who-pdf", path);
        }

        @Override
        public List<Path> inputs(Path base) {
            return List.of(base.resolve(path));
        }

        @Override
        public DocumentSource open(SourceContext context) {
            Path file = context.resolve(path);
            String nativeId = id != null ? id : stem(file);
            return new WhoPdfSource(file, new WhoPdfSource.Meta(nativeId, title, date, url,
                    language == null ? "en" : language, firstPage, lastPage));
        }

        private static String stem(Path file) {
            String n = file.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot > 0 ? n.substring(0, dot) : n;
        }
    }

    /** A recorded answer of the HAS publication API (XML). */
    public record HasApiXml(String name, String path, String licence) implements SourceSpec {
        public HasApiXml {
            require("path", path, "has-api-xml");
        }

        @Override
        public String label() {
            return defaultLabel(name, "has-api-xml", path);
        }

        @Override
        public List<Path> inputs(Path base) {
            return List.of(base.resolve(path));
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return new HasApiXmlSource(context.resolve(path));
        }
    }

    /**
     * HAS transparency-committee drug opinions from the public drug database (BDPM) files.
     *
     * @param since keep opinions dated on or after this day
     * @param limit keep at most this many opinions, newest first
     */
    public record BdpmOpinions(String name, String dir, LocalDate since, Integer limit, String licence)
            implements SourceSpec {
        public BdpmOpinions {
            require("dir", dir, "bdpm-opinions");
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("source " + dir + ": limit must be at least 1, got " + limit);
            }
        }

        @Override
        public String label() {
            return defaultLabel(name, "bdpm-opinions", dir);
        }

        @Override
        public List<Path> inputs(Path base) {
            return List.of(base.resolve(dir));
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return new BdpmOpinionSource(context.resolve(dir), new BdpmOpinionSource.Options(since, limit));
        }
    }

    /**
     * A source built in code rather than declared in YAML (an evaluation dataset such as a BEIR corpus), so it is
     * indexed by the same {@link fr.preuve.indexer.pipeline.Indexer} as declared corpora. Not selectable from a corpus
     * file.
     *
     * @param inputs the files it reads, fingerprinted to skip re-reading when nothing changed
     */
    public record Provided(String name, String licence, List<Path> inputs, DocumentSource source) implements SourceSpec {
        public Provided {
            require("name", name, "provided");
            java.util.Objects.requireNonNull(source, "source");
            inputs = List.copyOf(inputs);
        }

        @Override
        public String label() {
            return name;
        }

        @Override
        public List<Path> inputs(Path base) {
            return inputs.stream().map(base::resolve).toList();
        }

        @Override
        public DocumentSource open(SourceContext context) {
            return source;
        }
    }
}
