package fr.preuve.core.verify.judge;

import com.fasterxml.jackson.databind.JsonNode;
import fr.preuve.core.config.JsonResources;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained support judge's model: a logistic regression over {@link SupportFeatures} giving the probability that
 * the evidence supports the claim, and the threshold chosen for a precision target. Trained by
 * {@code preuve eval train-judge} on the calibration halves of the support sets in {@code eval/datasets/support}
 * plus claims derived from them by code; shipped as the versioned resource {@code support-judge-v1.json}.
 *
 * @param version   the resource's version ({@code trained-v1})
 * @param mean      per feature, subtracted before scaling
 * @param scale     per feature, the standard deviation on the training data
 * @param weights   per standardised feature
 * @param intercept the bias
 * @param threshold probabilities at or above it are supported
 * @param quality   the model's own error on human labels at that threshold, as measured when it was trained (out of
 *                  fold), for reports that show what its verdicts are worth
 */
public record SupportModel(String version, double[] mean, double[] scale, double[] weights, double intercept,
                           double threshold, String quality) {

    static final String RESOURCE = "support-judge-v1.json";

    public SupportModel {
        int n = SupportFeatures.NAMES.size();
        if (mean.length != n || scale.length != n || weights.length != n) {
            throw new IllegalArgumentException("support model " + version + ": expected " + n + " values per feature "
                    + SupportFeatures.NAMES + ", got " + mean.length + "/" + scale.length + "/" + weights.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(scale[i] > 0)) {
                throw new IllegalArgumentException("support model " + version + ": scale of "
                        + SupportFeatures.NAMES.get(i) + " must be positive, got " + scale[i]);
            }
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("support model " + version + ": threshold must be in [0, 1], got "
                    + threshold);
        }
        java.util.Objects.requireNonNull(quality, "quality");
        mean = mean.clone();
        scale = scale.clone();
        weights = weights.clone();
    }

    private static final class Holder {
        static final SupportModel STANDARD = load();
    }

    /** The model shipped with Preuve. */
    public static SupportModel standard() {
        return Holder.STANDARD;
    }

    /** The probability that the evidence supports the claim. */
    public double probability(SupportFeatures f) {
        return fr.preuve.core.stats.Logistic.probability(f.values(), mean, scale, weights, intercept);
    }

    /** This model with another threshold (same coefficients). */
    public SupportModel withThreshold(double t) {
        return new SupportModel(version, mean, scale, weights, intercept, t, quality);
    }

    /** Reads a model from its JSON form (the shipped resource's format). */
    public static SupportModel read(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.get("features").forEach(n -> names.add(n.asText()));
        if (!names.equals(SupportFeatures.NAMES)) {
            throw new IllegalArgumentException("support model features " + names + " differ from the code's "
                    + SupportFeatures.NAMES + ": retrain it (preuve eval train-judge)");
        }
        return new SupportModel(o.get("version").asText(), JsonResources.doubles(o.get("mean")),
                JsonResources.doubles(o.get("scale")), JsonResources.doubles(o.get("weights")), o.get("intercept").asDouble(), o.get("threshold").asDouble(),
                o.path("quality").asText(""));
    }

    private static SupportModel load() {
        return read(JsonResources.read(SupportModel.class, RESOURCE));
    }
}
