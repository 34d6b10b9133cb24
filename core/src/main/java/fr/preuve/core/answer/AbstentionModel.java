package fr.preuve.core.answer;

import com.fasterxml.jackson.databind.JsonNode;
import fr.preuve.core.config.JsonResources;
import java.util.ArrayList;
import java.util.List;

/**
 * The calibrated abstention model: a logistic regression over {@link EvidenceFeatures} giving the probability that
 * the corpus answers the question, and the operating point under which Preuve abstains. Fitted on the development
 * split of {@code eval/datasets/xl-demo.jsonl} by {@code preuve eval fit-abstention}, shipped as the versioned
 * resource {@code abstention-v1.json} (features, standardisation, coefficients, threshold, what it was fitted on).
 *
 * @param version   the resource's version ({@code abstention-v1})
 * @param mean      per feature, subtracted before scaling
 * @param scale     per feature, the standard deviation on the fitting data
 * @param weights   per standardised feature
 * @param intercept the bias
 * @param threshold probabilities under it abstain
 * @param minSimilarity the floor of the best question–passage cosine: under it the question is unlike every one the
 *                  model was fitted on (off-topic: "what is the capital of Australia?") and Preuve abstains whatever
 *                  the probability. The fitter sets it a margin under the lowest cosine of an answerable question.
 */
public record AbstentionModel(String version, double[] mean, double[] scale, double[] weights, double intercept,
                              double threshold, double minSimilarity) {

    static final String RESOURCE = "abstention-v1.json";

    public AbstentionModel {
        int n = EvidenceFeatures.NAMES.size();
        if (mean.length != n || scale.length != n || weights.length != n) {
            throw new IllegalArgumentException("abstention model " + version + ": expected " + n + " values per "
                    + "feature " + EvidenceFeatures.NAMES + ", got " + mean.length + "/" + scale.length + "/"
                    + weights.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(scale[i] > 0)) {
                throw new IllegalArgumentException("abstention model " + version + ": scale of "
                        + EvidenceFeatures.NAMES.get(i) + " must be positive, got " + scale[i]);
            }
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("abstention model " + version + ": threshold must be in [0, 1], got "
                    + threshold);
        }
    }

    private static final class Holder {
        static final AbstentionModel STANDARD = load();
    }

    /** The model shipped with Preuve. */
    public static AbstentionModel standard() {
        return Holder.STANDARD;
    }

    /** Whether the corpus answers a question with these features: probability and similarity both high enough. */
    public boolean answers(EvidenceFeatures f) {
        return answers(f, threshold);
    }

    /** As {@link #answers(EvidenceFeatures)} at another threshold (the points of a risk–coverage curve). */
    public boolean answers(EvidenceFeatures f, double atThreshold) {
        return probability(f) >= atThreshold && Math.max(f.bestVector(), f.bestCrossVector()) >= minSimilarity;
    }

    /** The probability that the passages answer the question. */
    public double probability(EvidenceFeatures f) {
        return fr.preuve.core.stats.Logistic.probability(f.values(), mean, scale, weights, intercept);
    }

    /** Reads a model from its JSON form (the shipped resource's format). */
    public static AbstentionModel read(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.get("features").forEach(n -> names.add(n.asText()));
        if (!names.equals(EvidenceFeatures.NAMES)) {
            throw new IllegalArgumentException("abstention model features " + names + " differ from the code's "
                    + EvidenceFeatures.NAMES + ": refit it (preuve eval fit-abstention)");
        }
        return new AbstentionModel(o.get("version").asText(), JsonResources.doubles(o.get("mean")),
                JsonResources.doubles(o.get("scale")), JsonResources.doubles(o.get("weights")),
                o.get("intercept").asDouble(), o.get("threshold").asDouble(), o.get("min_similarity").asDouble());
    }

    private static AbstentionModel load() {
        return read(JsonResources.read(AbstentionModel.class, RESOURCE));
    }
}
