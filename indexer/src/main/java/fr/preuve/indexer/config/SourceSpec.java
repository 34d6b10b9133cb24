package fr.preuve.indexer.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.SourceContext;
import java.nio.file.Path;
import java.util.List;

/**
 * One source declared in a corpus file; the YAML key {@code type} selects the kind. Each kind knows which files it
 * reads and how to open itself as a {@link DocumentSource}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SourceSpecs.PubMedQa.class, name = "pubmedqa"),
        @JsonSubTypes.Type(value = SourceSpecs.WhoPdf.class, name = "who-pdf"),
        @JsonSubTypes.Type(value = SourceSpecs.HasApiXml.class, name = "has-api-xml"),
        @JsonSubTypes.Type(value = SourceSpecs.BdpmOpinions.class, name = "bdpm-opinions"),
        @JsonSubTypes.Type(value = SourceSpecs.PubMedXml.class, name = "pubmed-xml"),
        @JsonSubTypes.Type(value = SourceSpecs.Jats.class, name = "jats"),
        @JsonSubTypes.Type(value = SourceSpecs.PubMedSearch.class, name = "pubmed-search"),
        @JsonSubTypes.Type(value = SourceSpecs.HasApi.class, name = "has-api"),
        @JsonSubTypes.Type(value = SourceSpecs.WhoIris.class, name = "who-iris"),
        @JsonSubTypes.Type(value = SourceSpecs.WebPages.class, name = "web"),
        @JsonSubTypes.Type(value = SourceSpecs.LocalFolder.class, name = "local-folder")
})
public sealed interface SourceSpec permits LocalSourceSpec, RemoteSourceSpec, SourceSpecs.Provided {

    /** A short name for reports; defaults to the type and file name. */
    String label();

    /** The licence of the content, shown with provenance. */
    String licence();

    /**
     * Whether the source reads from the network: its content can change while the declaration does not, so a corpus
     * with one is always re-read (unchanged documents are still not re-embedded, and downloads come from the cache).
     */
    default boolean remote() {
        return false;
    }

    /** The files or directories this source reads, resolved against {@code base}. */
    List<Path> inputs(Path base);

    /** Opens the source for reading, with the corpus's directories, environment and fetcher. */
    DocumentSource open(SourceContext context);

    /** Opens a file source with paths resolved against {@code base}; network sources then fail every download. */
    default DocumentSource open(Path base) {
        return open(SourceContext.local(base));
    }
}
