package fr.preuve.core.verify.checks;

import fr.preuve.core.text.Language;
import fr.preuve.core.verify.ContentWords;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.DrugMention;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A drug named in a claim must be the subject of the statement the claim restates, not merely named somewhere in the
 * cited passage: "quinine 20 mg/kg is the loading dose" does not rest on "artesunate 2.4 mg/kg is given at 0, 12 and
 * 24 h" because the passage mentions quinine two sentences later.
 *
 * <p>Each claim clause naming a drug is aligned, its drug names left out, with the evidence clauses sharing most of
 * its other words and numbers ({@link Clauses#aligned}, at least {@value #MIN_SHARE} of them; numbers with units
 * align across languages). When every aligned clause names drugs ({@link DrugLexicon}, French and English names share
 * a key) and none of them is one the claim names, the claim is about the wrong drug. An aligned clause that names no drug is
 * not a conflict (its subject may be in the sentence before).
 */
public final class DrugSubject implements ClaimCheck {

    static final double MIN_SHARE = 0.5;

    private final DrugLexicon drugs;

    public DrugSubject(DrugLexicon drugs) {
        this.drugs = Objects.requireNonNull(drugs, "drugs");
    }

    @Override
    public Optional<Conflict> check(String claim, List<String> evidence) {
        String lang = Language.detect(claim);
        List<DrugMention> all = drugs.find(claim);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Set<String> keys = new HashSet<>();
        all.forEach(d -> keys.add(d.key()));
        List<Clauses.Clause> clauses = Clauses.of(evidence, lang);
        for (Clauses.Clause c : Clauses.of(claim, lang)) {
            List<DrugMention> named = drugs.find(c.text());
            if (named.isEmpty()) {
                continue;
            }
            Set<String> tokens = new LinkedHashSet<>(c.tokens());
            for (DrugMention d : named) {
                tokens.removeAll(ContentWords.of(d.text(), lang));
            }
            if (tokens.isEmpty()) {
                continue;
            }
            List<Clauses.Clause> aligned = Clauses.aligned(new Clauses.Clause(c.text(), tokens), clauses, MIN_SHARE, 0);
            String other = null;
            for (Clauses.Clause e : aligned) {
                List<DrugMention> there = drugs.find(e.text());
                if (there.isEmpty() || there.stream().anyMatch(d -> keys.contains(d.key()))) {
                    other = null;
                    break;
                }
                other = other == null ? there.get(0).text() : other;
            }
            if (other != null) {
                return Optional.of(new Conflict(ConflictKind.DRUG_SUBJECT, named.get(0).text(), other,
                        aligned.get(0).text()));
            }
        }
        return Optional.empty();
    }
}
