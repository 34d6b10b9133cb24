package fr.preuve.indexer.config;

/** The YAML {@code type} of a declared source, for reports and provenance. */
public final class SourceTypes {
    private SourceTypes() {
    }

    public static String of(SourceSpec spec) {
        return switch (spec) {
            case SourceSpecs.PubMedQa s -> "pubmedqa";
            case SourceSpecs.WhoPdf s -> "who-pdf";
            case SourceSpecs.HasApiXml s -> "has-api-xml";
            case SourceSpecs.BdpmOpinions s -> "bdpm-opinions";
            case SourceSpecs.Provided s -> "provided";
            default -> spec.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
