package fr.preuve.core.verify.judge;

import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.SupportJudge;
import fr.preuve.core.verify.checks.ClaimChecks;
import fr.preuve.core.verify.checks.Conflict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A judge behind the deterministic checks, as the answer gate runs it ({@code AnswerVerifier}): a conflict found by
 * {@link ClaimChecks} rejects the claim, otherwise the inner judge decides. Named after the inner judge with
 * {@code +checks}, so evaluations of the gate say what they measured.
 */
public final class CheckedSupportJudge implements SupportJudge {

    private final SupportJudge inner;
    private final ClaimChecks checks;

    public CheckedSupportJudge(SupportJudge inner, DrugLexicon drugs) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.checks = ClaimChecks.standard(drugs);
    }

    @Override
    public Judgement judge(String claim, List<String> evidence) {
        Optional<Conflict> c = checks.check(DefaultSupportJudge.withoutCitations(claim), evidence);
        return c.map(conflict -> new Judgement(0, false, conflict.reason(false)))
                .orElseGet(() -> inner.judge(claim, evidence));
    }

    @Override
    public String name() {
        return inner.name() + "+checks";
    }
}
