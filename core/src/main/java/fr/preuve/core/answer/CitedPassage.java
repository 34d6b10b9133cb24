package fr.preuve.core.answer;

import fr.preuve.core.doc.Passage;

/**
 * A passage shown with an answer, numbered {@code n} as cited, with what a clinician needs to check it.
 *
 * @param sourceLabel human label of the source ("PubMed", "HAS", "WHO / OMS")
 * @param highlights  character ranges inside {@code text} that the answer quotes (empty when none)
 */
public record CitedPassage(int n, String id, String docId, String source, String sourceLabel, String title,
                           String url, Integer year, String date, Integer page, String section, String language,
                           String text, java.util.List<Highlight> highlights) {
    public CitedPassage {
        highlights = highlights == null ? java.util.List.of() : java.util.List.copyOf(highlights);
    }

    /** A character range of the passage text, end exclusive. */
    public record Highlight(int start, int end) {
    }

    public static CitedPassage of(int n, Passage p, java.util.List<Highlight> highlights) {
        return new CitedPassage(n, p.id(), p.docId().toString(), p.source().key(), p.source().label(), p.title(),
                p.url(), p.year(), p.date(), p.page(), p.section(), p.language(), p.text(), highlights);
    }
}
