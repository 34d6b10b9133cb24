package fr.preuve.eval.guard;

import java.util.List;
import java.util.Objects;

/**
 * One labelled text of a guard dataset.
 *
 * @param id       unique in its file
 * @param text     the question as a clinician would type it
 * @param findings the identifying data it holds, located in {@code text}; empty for a clean question
 * @param note     why the item is there (optional)
 */
public record GuardItem(String id, String text, List<GoldFinding> findings, String note) {
    public GuardItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        findings = List.copyOf(findings);
    }

    /** True when the text holds identifying data. */
    public boolean identifying() {
        return !findings.isEmpty();
    }
}
