package fr.preuve.core.verify.judge;

import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.checks.ClaimChecks;
import fr.preuve.core.verify.checks.Conflict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the trained judge computes before its model: the deterministic checks' conflict and the
 * {@link SupportFeatures}, for the judge itself and for the training command (which has no model yet).
 */
public final class SupportFeaturizer {

    private final DefaultSupportJudge base;
    private final DrugLexicon drugs;
    private final ClaimChecks checks;

    public SupportFeaturizer(DefaultSupportJudge base, DrugLexicon drugs) {
        this.base = Objects.requireNonNull(base, "base");
        this.drugs = Objects.requireNonNull(drugs, "drugs");
        this.checks = ClaimChecks.standard(drugs);
    }

    /** The conflict the deterministic checks find, if any (citations removed from the claim first). */
    public Optional<Conflict> conflict(String claim, List<String> evidence) {
        return checks.check(DefaultSupportJudge.withoutCitations(claim), evidence);
    }

    /** The model's features of {@code claim} (citations removed) against {@code evidence}. */
    public SupportFeatures features(String claim, List<String> evidence) {
        String c = DefaultSupportJudge.withoutCitations(claim);
        return features(c, evidence, base.features(c, evidence));
    }

    /** The features of a claim already without citations, given its {@link #base} features. */
    SupportFeatures features(String claim, List<String> evidence, DefaultSupportJudge.Features of) {
        return SupportFeatures.of(claim, evidence, of, drugs);
    }

    /** The embedding judge's features of a claim already without citations. */
    DefaultSupportJudge.Features base(String claim, List<String> evidence) {
        return base.features(claim, evidence);
    }

    /** The embedding judge itself (its verdict decides across languages). */
    DefaultSupportJudge baseJudge() {
        return base;
    }
}
