package fr.preuve.core.doc;

import fr.preuve.core.config.Keyed;
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
public enum PublicationType implements Keyed {
    // in the order a filter offers them
    GUIDELINE("guideline"),
    PRACTICE_GUIDELINE("practice-guideline"),
    DRUG_OPINION("drug-opinion"),
    META_ANALYSIS("meta-analysis"),
    SYSTEMATIC_REVIEW("systematic-review"),
    RCT("rct"),
    REVIEW("review"),
    ARTICLE("article"),
    OTHER("other");

    private final String key;

    PublicationType(String key) {
        this.key = key;
    }

    /** The keyword the index stores and the filter matches. */
    @Override
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }

    /** The publication type of {@code doc}. */
    public static PublicationType of(SourceDocument doc) {
        return switch (doc.source()) {
            case WHO -> GUIDELINE;
            case HAS -> has(doc.metadata().getOrDefault("type", ""));
            case PUBMED, PMC -> article(doc.metadata().getOrDefault("publication_types", ""));
            default -> OTHER;
        };
    }

    /** Parses a filter value such as {@code "RCT"}; the message names the bad value and the accepted ones. */
    public static PublicationType fromKey(String raw) {
        return Keyed.fromKey(PublicationType.class, "publication type",
                raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT));
    }

    private static PublicationType has(String type) {
        if (type.startsWith("Avis")) {
            return DRUG_OPINION;
        }
        if (type.startsWith("Recommandation") || type.startsWith("Guide") || type.startsWith("FicheMemo")) {
            return GUIDELINE;
        }
        return OTHER;
    }

    /** The most specific MEDLINE type wins: a meta-analysis is also a review, an RCT report also a journal article. */
    private static PublicationType article(String publicationTypes) {
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
