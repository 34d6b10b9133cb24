package fr.preuve.indexer.config;

/** A local source declared by the {@code path} of the one file it reads, which is its location. */
public sealed interface FileSourceSpec extends LocalSourceSpec permits SourceSpecs.PubMedQa, SourceSpecs.WhoPdf,
        SourceSpecs.HasApiXml, SourceSpecs.PubMedXml, SourceSpecs.Jats {

    /** The file read, relative to the corpus file. */
    String path();

    @Override
    default String location() {
        return path();
    }
}
