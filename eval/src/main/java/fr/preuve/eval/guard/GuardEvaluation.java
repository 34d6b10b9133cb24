package fr.preuve.eval.guard;

import fr.preuve.core.guard.Finding;
import fr.preuve.core.guard.FindingType;
import fr.preuve.core.guard.PatientDataGuard;
import fr.preuve.eval.metrics.Estimate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a {@link PatientDataGuard} on a labelled {@link GuardSet}. A finding matches a gold finding when their types
 * are equal and their spans overlap, or their texts are equal once trimmed; matching is one-to-one, in order. Reports
 * precision and recall over findings, overall and per type, and, per question, the share of questions holding
 * identifying data that get at least one finding (question recall) and the share of clean questions that get none
 * (specificity); every proportion with its Wilson 95% interval.
 */
public final class GuardEvaluation {
    private GuardEvaluation() {
    }

    public static GuardReport evaluate(GuardSet set, PatientDataGuard guard) {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(guard, "guard");
        Map<FindingType, int[]> counts = new EnumMap<>(FindingType.class); // gold, predicted, matched
        for (FindingType t : FindingType.values()) {
            counts.put(t, new int[3]);
        }
        int identifying = 0;
        int identifyingFlagged = 0;
        int clean = 0;
        int cleanUnflagged = 0;
        List<String> errors = new ArrayList<>();
        for (GuardItem item : set.items()) {
            List<Finding> found = guard.scan(item.text());
            List<GoldFinding> gold = item.findings();
            boolean[] goldMatched = new boolean[gold.size()];
            for (GoldFinding g : gold) {
                counts.get(g.type())[0]++;
            }
            for (Finding f : found) {
                counts.get(f.type())[1]++;
                int k = match(f, gold, goldMatched);
                if (k >= 0) {
                    goldMatched[k] = true;
                    counts.get(f.type())[2]++;
                } else {
                    errors.add(item.id() + ": false " + f.type().key() + " '" + f.text() + "'");
                }
            }
            for (int k = 0; k < gold.size(); k++) {
                if (!goldMatched[k]) {
                    errors.add(item.id() + ": missed " + gold.get(k).type().key() + " '" + gold.get(k).text() + "'");
                }
            }
            if (item.identifying()) {
                identifying++;
                identifyingFlagged += found.isEmpty() ? 0 : 1;
            } else {
                clean++;
                cleanUnflagged += found.isEmpty() ? 1 : 0;
            }
        }
        List<GuardReport.TypeScore> types = new ArrayList<>();
        int gold = 0;
        int predicted = 0;
        int matched = 0;
        for (FindingType t : FindingType.values()) {
            int[] c = counts.get(t);
            types.add(new GuardReport.TypeScore(t, c[0], c[1], c[2], proportion(c[2], c[1]), proportion(c[2], c[0])));
            gold += c[0];
            predicted += c[1];
            matched += c[2];
        }
        return new GuardReport(set.name(), set.size(), identifying, proportion(matched, predicted), proportion(matched, gold),
                types, proportion(identifyingFlagged, identifying), proportion(cleanUnflagged, clean), errors);
    }

    /** The index of the first unmatched gold finding {@code f} matches, or -1. */
    private static int match(Finding f, List<GoldFinding> gold, boolean[] taken) {
        for (int k = 0; k < gold.size(); k++) {
            GoldFinding g = gold.get(k);
            if (!taken[k] && g.type() == f.type()
                    && (f.start() < g.end() && g.start() < f.end() || g.text().trim().equals(f.text().trim()))) {
                return k;
            }
        }
        return -1;
    }

    /** {@code successes / n} with its Wilson interval, or null when n is 0. */
    private static Estimate proportion(int successes, int n) {
        return n == 0 ? null : Estimate.proportion(successes, n);
    }
}
