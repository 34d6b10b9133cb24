package fr.preuve.core.verify.checks;

import java.util.Objects;

/**
 * A contradiction found by a {@link ClaimCheck}: what the claim says, what the cited text says instead, and where.
 *
 * @param kind     which check found it
 * @param claim    the claim's words at fault ({@code "3 mg/kg" for adults}, {@code "higher"})
 * @param evidence what the cited text says instead ({@code children}, {@code "lower"})
 * @param excerpt  the cited sentence or clause, verbatim, so a reader can check
 * @param claimFr    {@code claim} for a French reader (the same when it is quoted text)
 * @param evidenceFr {@code evidence} for a French reader
 */
public record Conflict(ConflictKind kind, String claim, String evidence, String excerpt, String claimFr,
                       String evidenceFr) {
    public Conflict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(claimFr, "claimFr");
        Objects.requireNonNull(evidenceFr, "evidenceFr");
    }

    /** A conflict whose words read the same in both languages (quoted text, drug names). */
    public Conflict(ConflictKind kind, String claim, String evidence, String excerpt) {
        this(kind, claim, evidence, excerpt, claim, evidence);
    }

    /** The reason given to the clinician, in French or English. */
    public String reason(boolean french) {
        String quoted = " « " + excerpt + " »";
        String claim = french ? this.claimFr : this.claim;
        String evidence = french ? this.evidenceFr : this.evidence;
        return switch (kind) {
            case POPULATION -> french
                    ? claim + " : le passage cité le donne pour " + evidence + " —" + quoted
                    : claim + ": the cited passage gives it for " + evidence + " —" + quoted;
            case NEGATION -> french
                    ? "négation contraire au passage cité (" + claim + " / " + evidence + ") —" + quoted
                    : "negation opposite to the cited passage (" + claim + " / " + evidence + ") —" + quoted;
            case COMPARISON -> french
                    ? "comparaison inversée : « " + claim + " » là où le passage cité dit « " + evidence + " » —" + quoted
                    : "reversed comparison: \"" + claim + "\" where the cited passage says \"" + evidence + "\" —"
                    + quoted;
            case DRUG_SUBJECT -> french
                    ? "le passage cité parle de " + evidence + ", pas de " + claim + " —" + quoted
                    : "the cited statement is about " + evidence + ", not " + claim + " —" + quoted;
        };
    }
}
