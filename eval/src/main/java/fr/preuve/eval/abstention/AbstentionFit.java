package fr.preuve.eval.abstention;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.core.answer.AbstentionModel;
import fr.preuve.core.answer.EvidenceFeatures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Fits the abstention model on labelled questions (answerable or not, with their {@link EvidenceFeatures}) and
 * chooses its operating point: the threshold with the fewest false abstentions among those that abstain on at least
 * {@code targetAbstention} of the unanswerable questions (Youden's J breaks ties).
 */
public final class AbstentionFit {

    /** The L2 penalty on standardised weights. */
    public static final double LAMBDA = 1.0;
    /** How far under the lowest best cosine of an answerable fitting question the similarity floor sits. */
    public static final double SIMILARITY_MARGIN = 0.03;

    private AbstentionFit() {
    }

    /** One labelled question. */
    public record Example(String id, boolean answerable, EvidenceFeatures features) {
    }

    /** A point of the risk–coverage curve: at this threshold, the share answered and the share abstained wrongly. */
    public record Point(double threshold, double coverage, double risk, double falseAbstention,
                        double abstentionAccuracy) {
    }

    /** The fitted model and its curve on the fitting data. */
    public record Fit(AbstentionModel model, List<Point> curve, int answerable, int unanswerable) {
    }

    public static Fit fit(List<Example> examples, double targetAbstention, String version) {
        int n = examples.size();
        int d = EvidenceFeatures.NAMES.size();
        double[][] raw = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            raw[i] = examples.get(i).features().values();
            y[i] = examples.get(i).answerable() ? 1 : 0;
        }
        LogisticRegression.Standardisation st = LogisticRegression.Standardisation.of(raw);
        double[] mean = st.mean();
        double[] scale = st.scale();
        double[][] x = st.apply(raw);
        double[] beta = LogisticRegression.fit(x, y, LAMBDA);
        double[] w = new double[d];
        System.arraycopy(beta, 1, w, 0, d);
        double floor = examples.stream().filter(Example::answerable)
                .mapToDouble(e -> Math.max(e.features().bestVector(), e.features().bestCrossVector())).min().orElse(0)
                - SIMILARITY_MARGIN;
        AbstentionModel unthresholded = new AbstentionModel(version, mean, scale, w, beta[0], 0.5, floor);
        List<Point> curve = curve(unthresholded, examples);
        Point chosen = curve.stream().filter(p -> p.abstentionAccuracy() >= targetAbstention)
                .min(Comparator.comparingDouble(Point::falseAbstention)
                        .thenComparingDouble(p -> -(p.abstentionAccuracy() - p.falseAbstention()))
                        .thenComparingDouble(Point::threshold))
                .orElseGet(() -> curve.stream().max(Comparator.comparingDouble(
                        (Point p) -> p.abstentionAccuracy() - p.falseAbstention())).orElseThrow());
        long answerable = examples.stream().filter(Example::answerable).count();
        return new Fit(new AbstentionModel(version, mean, scale, w, beta[0], chosen.threshold(), floor), curve,
                (int) answerable, (int) (n - answerable));
    }

    /** The risk–coverage curve of {@code model} on {@code examples}, one point per distinct probability. */
    public static List<Point> curve(AbstentionModel model, List<Example> examples) {
        List<Double> thresholds = new ArrayList<>();
        for (Example e : examples) {
            thresholds.add(model.probability(e.features()));
        }
        thresholds.add(0.0);
        thresholds.add(1.0 + 1e-9);
        List<Point> out = new ArrayList<>();
        thresholds.stream().distinct().sorted().forEach(t -> out.add(point(model, examples, t)));
        return out;
    }

    /** The point of the curve at {@code threshold} (the similarity floor applies too). */
    public static Point point(AbstentionModel model, List<Example> examples, double threshold) {
        int answered = 0;
        int wrong = 0;
        int answerable = 0;
        int unanswerable = 0;
        int falseAbstained = 0;
        int abstainedRight = 0;
        for (Example e : examples) {
            boolean answers = model.answers(e.features(), threshold);
            answered += answers ? 1 : 0;
            if (e.answerable()) {
                answerable++;
                falseAbstained += answers ? 0 : 1;
            } else {
                unanswerable++;
                wrong += answers ? 1 : 0;
                abstainedRight += answers ? 0 : 1;
            }
        }
        return new Point(threshold, (double) answered / examples.size(), answered == 0 ? 0 : (double) wrong / answered,
                answerable == 0 ? 0 : (double) falseAbstained / answerable,
                unanswerable == 0 ? 1 : (double) abstainedRight / unanswerable);
    }

    /** The model as the shipped resource's JSON, with what it was fitted on. */
    public static ObjectNode toJson(Fit fit, String fittedOn, double targetAbstention) {
        ObjectNode o = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        AbstentionModel m = fit.model();
        o.put("version", m.version());
        o.put("fitted_on", fittedOn);
        o.put("examples", fit.answerable() + fit.unanswerable());
        o.put("answerable", fit.answerable());
        o.put("unanswerable", fit.unanswerable());
        o.put("lambda", LAMBDA);
        o.put("target_abstention", targetAbstention);
        LogisticRegression.putCoefficients(o, EvidenceFeatures.NAMES, m.mean(), m.scale(), m.weights(), m.intercept());
        o.put("threshold", m.threshold());
        o.put("min_similarity", m.minSimilarity());
        return o;
    }

    /** One line per curve point, for reports. */
    public static String table(List<Point> curve) {
        StringBuilder sb = new StringBuilder("| threshold | coverage | risk | false abstention | abstention on unanswerable |\n"
                + "|---|---|---|---|---|\n");
        for (Point p : curve) {
            sb.append(String.format(Locale.ROOT, "| %.3f | %.3f | %.3f | %.3f | %.3f |%n", p.threshold(), p.coverage(),
                    p.risk(), p.falseAbstention(), p.abstentionAccuracy()));
        }
        return sb.toString();
    }
}
