package fr.preuve.eval.answers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.core.answer.ExtractiveAnswerer.ScoredUnit;
import fr.preuve.core.answer.extract.UnitFeatures;
import fr.preuve.core.answer.extract.UnitModel;
import fr.preuve.eval.abstention.LogisticRegression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Fits the extractive answer's unit scorer ({@link UnitModel}) on the units Preuve reads for answerable questions with
 * key facts: a unit is positive when it contains one of its question's key facts ({@link KeyFacts#found}). Each
 * question weighs the same in the fit whatever its number of units (positives and negatives each share the question's
 * weight), so long WHO pages do not drown short abstracts. The fit is exact (Newton's method, no seed) and does not
 * depend on the order the shipped model ranked the units in: a refit gives the same resource bit for bit.
 */
public final class UnitFit {

    /** The L2 penalty on standardised weights. */
    public static final double LAMBDA = 1.0;
    /** Units an answer quotes at most, for {@link #hitRate}. */
    public static final int TOP = 3;

    private UnitFit() {
    }

    /** The units read for one question, each labelled. */
    public record Question(String id, List<ScoredUnit> units, List<Boolean> positive) {
        public Question {
            if (units.size() != positive.size()) {
                throw new IllegalArgumentException("question " + id + ": " + units.size() + " units but "
                        + positive.size() + " labels");
            }
            units = List.copyOf(units);
            positive = List.copyOf(positive);
        }

        /** Labels each unit by whether it contains one of {@code keyFacts}. */
        public static Question label(String id, List<String> keyFacts, List<ScoredUnit> units) {
            List<Boolean> labels = units.stream()
                    .map(u -> keyFacts.stream().anyMatch(f -> KeyFacts.found(f, u.text()))).toList();
            return new Question(id, units, labels);
        }

        boolean answerable() {
            return positive.contains(true);
        }
    }

    /** Fits the model on the questions that have at least one positive unit. */
    public static UnitModel fit(List<Question> questions, String version) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Question q : questions) {
            if (!q.answerable()) {
                continue;
            }
            long pos = q.positive().stream().filter(b -> b).count();
            long neg = q.units().size() - pos;
            // the units in an order that does not depend on the model that ranked them, so a refit is bit for bit
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < q.units().size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing((Integer i) -> q.units().get(i).text())
                    .thenComparing(i -> java.util.Arrays.toString(q.units().get(i).features().values())));
            for (int i : order) {
                boolean p = q.positive().get(i);
                rows.add(q.units().get(i).features().values());
                labels.add(p ? 1 : 0);
                weights.add(p ? 0.5 / pos : 0.5 / neg);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no question has a unit holding one of its key facts: nothing to fit");
        }
        double[][] raw = rows.toArray(double[][]::new);
        LogisticRegression.Standardisation st = LogisticRegression.Standardisation.of(raw);
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        double[] beta = LogisticRegression.fit(st.apply(raw), labels.stream().mapToInt(Integer::intValue).toArray(),
                w, LAMBDA);
        double[] coef = new double[UnitFeatures.NAMES.size()];
        System.arraycopy(beta, 1, coef, 0, coef.length);
        return new UnitModel(version, st.mean(), st.scale(), coef, beta[0]);
    }

    /**
     * Share of the questions with a positive unit for which one of the {@value #TOP} best units by {@code model} is
     * positive: how often the scorer puts a key fact where an answer quotes it.
     */
    public static double hitRate(UnitModel model, List<Question> questions) {
        int n = 0;
        int hit = 0;
        for (Question q : questions) {
            if (!q.answerable()) {
                continue;
            }
            n++;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < q.units().size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> -model.score(q.units().get(i).features())));
            hit += order.subList(0, Math.min(TOP, order.size())).stream().anyMatch(q.positive()::get) ? 1 : 0;
        }
        return n == 0 ? 0 : (double) hit / n;
    }

    /** Questions that have a unit holding one of their key facts. */
    public static long answerable(List<Question> questions) {
        return questions.stream().filter(Question::answerable).count();
    }

    /** The model as the shipped resource's JSON, with what it was fitted on and its hit rate there. */
    public static ObjectNode toJson(UnitModel m, String fittedOn, List<Question> questions) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("version", m.version());
        o.put("fitted_on", fittedOn);
        o.put("questions", answerable(questions));
        o.put("units", questions.stream().filter(Question::answerable).mapToInt(q -> q.units().size()).sum());
        o.put("lambda", LAMBDA);
        o.put("hit_rate_top" + TOP, Double.parseDouble(String.format(Locale.ROOT, "%.4f", hitRate(m, questions))));
        LogisticRegression.putCoefficients(o, UnitFeatures.NAMES, m.mean(), m.scale(), m.weights(), m.intercept());
        return o;
    }
}
