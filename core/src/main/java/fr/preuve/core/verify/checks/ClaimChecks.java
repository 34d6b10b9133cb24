package fr.preuve.core.verify.checks;

import fr.preuve.core.verify.DrugLexicon;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deterministic checks run on a claim before any support judge, in order: population binding of values, negation,
 * comparison direction, drug subject. The first conflict found is the verdict.
 */
public final class ClaimChecks implements ClaimCheck {

    private final List<ClaimCheck> checks;

    public ClaimChecks(List<ClaimCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The four checks, with {@code drugs} for the drug-subject check. */
    public static ClaimChecks standard(DrugLexicon drugs) {
        return new ClaimChecks(List.of(new PopulationBinding(), new Negation(), new Comparison(),
                new DrugSubject(drugs)));
    }

    @Override
    public Optional<Conflict> check(String claim, List<String> evidence) {
        Objects.requireNonNull(claim, "claim");
        if (Objects.requireNonNull(evidence, "evidence").isEmpty()) {
            throw new IllegalArgumentException("evidence must not be empty");
        }
        for (ClaimCheck c : checks) {
            Optional<Conflict> found = c.check(claim, evidence);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
