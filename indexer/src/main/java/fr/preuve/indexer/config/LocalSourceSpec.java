package fr.preuve.indexer.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A source read from one local file or folder, declared by its path relative to the corpus file; its default label is
 * its type and file name ({@code who-pdf:leaflet.pdf}).
 */
public sealed interface LocalSourceSpec extends SourceSpec permits FileSourceSpec,
        SourceSpecs.BdpmOpinions, SourceSpecs.LocalFolder {

    /** The declared name, or null. */
    String name();

    /** The file or folder read, relative to the corpus file. */
    String location();

    @Override
    default String label() {
        return name() != null && !name().isBlank() ? name() : SourceTypes.of(this) + ":" + Path.of(location()).getFileName();
    }

    @Override
    default List<Path> inputs(Path base) {
        return List.of(base.resolve(location()));
    }
}
