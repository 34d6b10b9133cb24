package fr.preuve.core.answer.extract;

import com.fasterxml.jackson.databind.JsonNode;
import fr.preuve.core.config.JsonResources;
import java.util.ArrayList;
import java.util.List;

/**
 * The extractive answer's unit scorer: a logistic regression over {@link UnitFeatures} giving the probability that a
 * unit holds a key fact of the answer. Fitted on the development splits of the question sets by
 * {@code preuve eval fit-units} (a unit is positive when it contains one of its question's key facts), shipped as the
 * versioned resource {@code units-v1.json}.
 *
 * @param version   the resource's version ({@code units-v1})
 * @param mean      per feature, subtracted before scaling
 * @param scale     per feature, the standard deviation on the fitting data
 * @param weights   per standardised feature
 * @param intercept the bias
 */
public record UnitModel(String version, double[] mean, double[] scale, double[] weights, double intercept) {

    static final String RESOURCE = "units-v1.json";

    public UnitModel {
        int n = UnitFeatures.NAMES.size();
        if (mean.length != n || scale.length != n || weights.length != n) {
            throw new IllegalArgumentException("unit model " + version + ": expected " + n + " values per feature "
                    + UnitFeatures.NAMES + ", got " + mean.length + "/" + scale.length + "/" + weights.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(scale[i] > 0)) {
                throw new IllegalArgumentException("unit model " + version + ": scale of " + UnitFeatures.NAMES.get(i)
                        + " must be positive, got " + scale[i]);
            }
        }
    }

    private static final class Holder {
        static final UnitModel STANDARD = read(JsonResources.read(UnitModel.class, RESOURCE));
    }

    /** The model shipped with Preuve. */
    public static UnitModel standard() {
        return Holder.STANDARD;
    }

    /** The probability that a unit with these features holds a key fact of the answer. */
    public double score(UnitFeatures f) {
        return fr.preuve.core.stats.Logistic.probability(f.values(), mean, scale, weights, intercept);
    }

    /** Reads a model from its JSON form (the shipped resource's format). */
    public static UnitModel read(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.get("features").forEach(n -> names.add(n.asText()));
        if (!names.equals(UnitFeatures.NAMES)) {
            throw new IllegalArgumentException("unit model features " + names + " differ from the code's "
                    + UnitFeatures.NAMES + ": refit it (preuve eval fit-units)");
        }
        return new UnitModel(o.get("version").asText(), JsonResources.doubles(o.get("mean")),
                JsonResources.doubles(o.get("scale")), JsonResources.doubles(o.get("weights")),
                o.get("intercept").asDouble());
    }
}
