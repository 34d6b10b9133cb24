package fr.preuve.core.doc;

import java.util.List;
import java.util.Locale;

/**
 * The kind of publication a document is, as one normalised keyword derived at index time from its source and metadata:
 * what the "publication type" filter matches.
 *
 * <ul>
 *   <li>WHO documents and HAS recommendations: {@code guideline};</li>
 *   <li>HAS transparency-committee opinions (BDPM, HAS "Avis..."): {@code drug-opinion};</li>
 *   <li>PubMed and PMC articles, from their MEDLINE publication types (metadata {@code publication_types}):
 *       {@code meta-analysis}, {@code systematic-review}, {@code rct}, {@code practice-guideline}, {@code review},
 *       else {@code article};</li>
 *   <li>anything else: {@code other}.</li>
 * </ul>
 */
public final class PublicationType {
    private PublicationType() {
    }

    public static final String GUIDELINE = "guideline";
    public static final String DRUG_OPINION = "drug-opinion";
    public static final String META_ANALYSIS = "meta-analysis";
    public static final String SYSTEMATIC_REVIEW = "systematic-review";
    public static final String RCT = "rct";
    public static final String PRACTICE_GUIDELINE = "practice-guideline";
    public static final String REVIEW = "review";
    public static final String ARTICLE = "article";
    public static final String OTHER = "other";

    /** Every keyword, in the order a filter offers them. */
    public static final List<String> KEYS = List.of(GUIDELINE, PRACTICE_GUIDELINE, DRUG_OPINION, META_ANALYSIS,
            SYSTEMATIC_REVIEW, RCT, REVIEW, ARTICLE, OTHER);

    /** The publication type of {@code doc}. */
    public static String of(SourceDocument doc) {
        return switch (doc.source()) {
            case WHO -> GUIDELINE;
            case HAS -> has(doc.metadata().getOrDefault("type", ""));
            case PUBMED, PMC -> article(doc.metadata().getOrDefault("publication_types", ""));
            default -> OTHER;
        };
    }

    /** Parses a filter value such as {@code "RCT"}; the message names the bad value and the accepted ones. */
    public static String fromKey(String raw) {
        String k = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!KEYS.contains(k)) {
            throw new IllegalArgumentException("unknown publication type '" + raw + "'; expected one of " + String.join(", ", KEYS));
        }
        return k;
    }

    private static String has(String type) {
        if (type.startsWith("Avis")) {
            return DRUG_OPINION;
        }
        if (type.startsWith("Recommandation") || type.startsWith("Guide") || type.startsWith("FicheMemo")) {
            return GUIDELINE;
        }
        return OTHER;
    }

    /** The most specific MEDLINE type wins: a meta-analysis is also a review, an RCT report also a journal article. */
    private static String article(String publicationTypes) {
        String t = publicationTypes.toLowerCase(Locale.ROOT);
        if (t.contains("meta-analysis")) {
            return META_ANALYSIS;
        }
        if (t.contains("systematic review")) {
            return SYSTEMATIC_REVIEW;
        }
        if (t.contains("randomized controlled trial")) {
            return RCT;
        }
        if (t.contains("guideline")) {
            return PRACTICE_GUIDELINE;
        }
        if (t.contains("review")) {
            return REVIEW;
        }
        return ARTICLE;
    }
}
