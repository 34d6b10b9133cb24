package fr.preuve.core.verify.checks;

import java.util.List;
import java.util.Optional;

/** One deterministic check of a claim against the passages it cites; run before the support judge. */
public interface ClaimCheck {

    /** The first contradiction between {@code claim} and {@code evidence} (never empty), if any. */
    Optional<Conflict> check(String claim, List<String> evidence);
}
