package fr.preuve.indexer.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A source read from the network (PubMed E-utilities, HAS API, WHO IRIS, web pages): it reads no local file, and its
 * content can change while its declaration does not, so a corpus holding one is always re-read.
 */
public sealed interface RemoteSourceSpec extends SourceSpec
        permits SourceSpecs.PubMedSearch, SourceSpecs.HasApi, SourceSpecs.WhoIris, SourceSpecs.WebPages {

    /** The declared name, or null. */
    String name();

    /** The declared name, else the source's type ({@code pubmed-search}). */
    @Override
    default String label() {
        return name() != null && !name().isBlank() ? name() : SourceTypes.of(this);
    }

    @Override
    default boolean remote() {
        return true;
    }

    @Override
    default List<Path> inputs(Path base) {
        return List.of();
    }
}
