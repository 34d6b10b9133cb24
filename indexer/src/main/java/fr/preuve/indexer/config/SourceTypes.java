package fr.preuve.indexer.config;

/**
 * The YAML {@code type} of a declared source, for reports and provenance: the names of {@link SourceSpec}'s
 * {@code @JsonSubTypes}. The switch is exhaustive over the sealed interface, so a new kind must be named here.
 */
public final class SourceTypes {
    private SourceTypes() {
    }

    public static String of(SourceSpec spec) {
        return switch (spec) {
            case SourceSpecs.PubMedQa s -> "pubmedqa";
            case SourceSpecs.WhoPdf s -> "who-pdf";
            case SourceSpecs.HasApiXml s -> "has-api-xml";
            case SourceSpecs.BdpmOpinions s -> "bdpm-opinions";
            case SourceSpecs.PubMedXml s -> "pubmed-xml";
            case SourceSpecs.Jats s -> "jats";
            case SourceSpecs.PubMedSearch s -> "pubmed-search";
            case SourceSpecs.HasApi s -> "has-api";
            case SourceSpecs.WhoIris s -> "who-iris";
            case SourceSpecs.WebPages s -> "web";
            case SourceSpecs.LocalFolder s -> "local-folder";
            case SourceSpecs.Provided s -> "provided";
        };
    }
}
