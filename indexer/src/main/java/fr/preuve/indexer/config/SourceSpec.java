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
        @JsonSubTypes.Type(value = SourceSpecs.BdpmOpinions.class, name = "bdpm-opinions")
})
public sealed interface SourceSpec permits SourceSpecs.PubMedQa, SourceSpecs.WhoPdf, SourceSpecs.HasApiXml,
        SourceSpecs.BdpmOpinions, SourceSpecs.Provided {

    /** A short name for reports; defaults to the type and file name. */
    String label();

    /** The licence of the content, shown with provenance. */
    String licence();

    /** The files or directories this source reads, resolved against {@code base}. */
    List<Path> inputs(Path base);

    /** Opens the source for reading, with the corpus's directories, environment and fetcher. */
    DocumentSource open(SourceContext context);

    /** Opens a file source with paths resolved against {@code base}; network sources then fail every download. */
    default DocumentSource open(Path base) {
        return open(SourceContext.local(base));
    }
}
