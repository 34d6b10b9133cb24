package fr.preuve.eval.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.core.verify.ContentWords;
import fr.preuve.core.verify.judge.SupportFeatures;
import fr.preuve.core.verify.judge.SupportFeaturizer;
import fr.preuve.core.verify.judge.SupportModel;
import fr.preuve.eval.abstention.LogisticRegression;
import fr.preuve.eval.dataset.SupportJudgement;
import fr.preuve.eval.dataset.SupportLabel;
import fr.preuve.eval.dataset.SupportSet;
import fr.preuve.eval.support.SupportEvaluation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains the support judge's model ({@link SupportModel}) from the calibration halves of support sets.
 *
 * <p><b>Examples.</b> Only rows of the calibration half ({@link SupportEvaluation}: alternate source items) are read;
 * the held-out half is never seen. From each file: every human judgement ({@link Origin#HUMAN}); for each supported
 * claim, its {@link #LEARNED} perturbations ({@link Origin#PERTURBED}, not supported) that the deterministic checks
 * do not already reject (the model only ever judges claims the checks let through); and, for each item, the supported claim
 * of the other calibration item whose words best match this item's evidence, judged against this item's evidence
 * ({@link Origin#OTHER_CLAIM}, not supported: a real conclusion on a neighbouring topic).
 *
 * <p><b>Fit.</b> Features are rounded to {@value #DECIMALS} decimals (float noise of the embedding runtime does not
 * move the fit), standardised, and fitted by L2 logistic regression ({@link LogisticRegression}, exact and
 * deterministic), every example weighing the same. <b>Threshold.</b> Items are dealt into {@value #FOLDS} folds (shuffled with the seed); each fold's
 * human rows are scored by a model fitted on the other folds, and the threshold is the lowest whose precision on
 * those out-of-fold scores reaches the target ({@link SupportEvaluation#chooseThreshold}). Same data and seed, same
 * model, bit for bit.
 */
public final class JudgeTraining {

    public static final double LAMBDA = 1.0;
    public static final int FOLDS = 5;
    public static final int DECIMALS = 4;
    /**
     * The perturbations the model learns from: those a feature can see (a number or drug absent from the evidence,
     * certainty the evidence does not have). Negation, comparison and population changes leave the features almost
     * unchanged when the claim is not a restatement of one evidence sentence: as training examples they are label
     * noise; they are the deterministic checks' job, and the tests' and the rejection table's.
     */
    public static final Set<Perturbation> LEARNED = java.util.EnumSet.of(Perturbation.NUMBER, Perturbation.DRUG,
            Perturbation.CERTAINTY);

    private JudgeTraining() {
    }

    /** Where a training example comes from. */
    public enum Origin { HUMAN, PERTURBED, OTHER_CLAIM }

    /**
     * One training example.
     *
     * @param id        the judgement id, suffixed for derived examples ({@code #negation}, {@code #other})
     * @param item      the source item (examples of one item share a fold)
     * @param dataset   the file it comes from
     * @param supported the label
     * @param origin    human, perturbed or another item's claim
     * @param kind      the perturbation key, or the origin's
     * @param features  the rounded feature values
     */
    public record Example(String id, String item, String dataset, boolean supported, Origin origin, String kind,
                          double[] features) {
    }

    /** The fitted model with its out-of-fold figures. */
    public record Fit(SupportModel model, List<Example> examples, SupportEvaluation.Choice choice,
                      SupportEvaluation.Slice outOfFold) {
    }

    /** The training examples of {@code sets} (calibration halves only). */
    public static List<Example> examples(List<SupportSet> sets, SupportFeaturizer featurizer,
                                         Perturbations perturbations, fr.preuve.eval.run.Progress progress) {
        List<Example> out = new ArrayList<>();
        for (SupportSet set : sets) {
            String dataset = set.file() == null ? "support" : set.file().getFileName().toString();
            List<SupportJudgement> rows = calibrationHalf(set);
            Map<String, SupportJudgement> truthByItem = new LinkedHashMap<>();
            for (SupportJudgement j : rows) {
                if (j.label() == SupportLabel.SUPPORTED) {
                    truthByItem.putIfAbsent(SupportEvaluation.item(j), j);
                }
            }
            int done = 0;
            for (SupportJudgement j : rows) {
                String item = SupportEvaluation.item(j);
                boolean supported = j.label() == SupportLabel.SUPPORTED;
                out.add(example(j.id(), item, dataset, supported, Origin.HUMAN, Origin.HUMAN.name(), featurizer,
                        j.claim(), j.evidence()));
                if (supported) {
                    for (Perturbation p : LEARNED) {
                        perturbations.apply(p, j.claim(), j.evidence())
                                .filter(c -> featurizer.conflict(c, j.evidence()).isEmpty())
                                .ifPresent(c -> out.add(example(j.id() + "#" + p.key(), item, dataset, false,
                                        Origin.PERTURBED, p.key(), featurizer, c, j.evidence())));
                    }
                    SupportJudgement other = neighbour(j, truthByItem.values());
                    if (other != null) {
                        out.add(example(j.id() + "#other", item, dataset, false, Origin.OTHER_CLAIM, "other_claim",
                                featurizer, other.claim(), j.evidence()));
                    }
                }
                if (progress != null) {
                    progress.step(dataset, ++done, rows.size());
                }
            }
        }
        return out;
    }

    /** The rows of the calibration half of {@code set}, with evidence. */
    public static List<SupportJudgement> calibrationHalf(SupportSet set) {
        Map<String, Integer> items = new LinkedHashMap<>();
        List<SupportJudgement> out = new ArrayList<>();
        for (SupportJudgement j : set.items()) {
            int item = items.computeIfAbsent(SupportEvaluation.item(j), k -> items.size());
            if (item % 2 == 0 && !j.evidence().isEmpty()) {
                out.add(j);
            }
        }
        return out;
    }

    private static Example example(String id, String item, String dataset, boolean supported, Origin origin,
                                   String kind, SupportFeaturizer featurizer, String claim, List<String> evidence) {
        double[] v = featurizer.features(claim, evidence).values();
        double f = Math.pow(10, DECIMALS);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(v[i] * f) / f;
        }
        return new Example(id, item, dataset, supported, origin, kind, v);
    }

    /** The supported claim of another item whose content words best cover {@code j}'s evidence, or null. */
    private static SupportJudgement neighbour(SupportJudgement j, Iterable<SupportJudgement> truths) {
        Set<String> evidence = new HashSet<>(ContentWords.of(String.join("\n", j.evidence()), "en"));
        SupportJudgement best = null;
        double bestScore = 0;
        String item = SupportEvaluation.item(j);
        for (SupportJudgement t : truths) {
            if (SupportEvaluation.item(t).equals(item) || t.evidence().equals(j.evidence())) {
                continue;
            }
            Set<String> words = ContentWords.of(t.claim(), "en");
            if (words.isEmpty()) {
                continue;
            }
            double score = words.stream().filter(evidence::contains).count() / (double) words.size();
            if (score > bestScore) {
                bestScore = score;
                best = t;
            }
        }
        return best;
    }

    /** Fits the model on {@code examples}; the threshold reaches {@code minPrecision} out of fold if it can. */
    public static Fit fit(List<Example> examples, double minPrecision, long seed, String version) {
        double[] beta = coefficients(examples);
        LogisticRegression.Standardisation st = standardisation(examples);
        List<String> items = new ArrayList<>(new java.util.LinkedHashSet<>(examples.stream().map(Example::item)
                .toList()));
        Collections.shuffle(items, new Random(seed));
        Map<String, Integer> fold = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            fold.put(items.get(i), i % FOLDS);
        }
        List<SupportEvaluation.Row> rows = new ArrayList<>();
        for (int k = 0; k < FOLDS; k++) {
            int held = k;
            List<Example> train = examples.stream().filter(e -> fold.get(e.item()) != held).toList();
            SupportModel m = model(version, train, coefficients(train), 0.5);
            for (Example e : examples) {
                if (fold.get(e.item()) == held && e.origin() == Origin.HUMAN) {
                    double p = m.probability(SupportFeatures.of(e.features()));
                    rows.add(new SupportEvaluation.Row(e.id(), true, e.supported() ? SupportLabel.SUPPORTED
                            : SupportLabel.NOT_SUPPORTED, true, p, false, "out of fold"));
                }
            }
        }
        SupportEvaluation.Choice choice = SupportEvaluation.chooseThreshold(rows, minPrecision);
        SupportEvaluation.Slice oof = SupportEvaluation.slice(rows, choice.threshold());
        SupportModel model = new SupportModel(version, st.mean(), st.scale(), weights(beta), beta[0],
                choice.threshold(), quality(oof));
        return new Fit(model, List.copyOf(examples), choice, oof);
    }

    private static SupportModel model(String version, List<Example> train, double[] beta, double threshold) {
        LogisticRegression.Standardisation st = standardisation(train);
        return new SupportModel(version, st.mean(), st.scale(), weights(beta), beta[0], threshold, "");
    }

    /** "out of fold on 575 human judgements: precision 0.852 [0.776, 0.906], recall 0.331 [...], accuracy ...". */
    static String quality(SupportEvaluation.Slice s) {
        StringBuilder sb = new StringBuilder("out of fold on " + s.rows() + " human judgements of the training halves:");
        String sep = " ";
        for (String m : List.of("precision", "recall", "accuracy")) {
            var e = s.metrics().get(m);
            if (e != null) {
                sb.append(sep).append(m).append(' ').append(String.format(java.util.Locale.ROOT, "%.3f", e.value()));
                if (e.ci95() != null) {
                    sb.append(String.format(java.util.Locale.ROOT, " [%.3f, %.3f]", e.lo(), e.hi()));
                }
                sep = ", ";
            }
        }
        return sb.toString();
    }

    private static double[] weights(double[] beta) {
        double[] w = new double[beta.length - 1];
        System.arraycopy(beta, 1, w, 0, w.length);
        return w;
    }

    private static LogisticRegression.Standardisation standardisation(List<Example> examples) {
        return LogisticRegression.Standardisation.of(examples.stream().map(Example::features)
                .toArray(double[][]::new));
    }

    private static double[] coefficients(List<Example> examples) {
        double[][] raw = examples.stream().map(Example::features).toArray(double[][]::new);
        int[] y = examples.stream().mapToInt(e -> e.supported() ? 1 : 0).toArray();
        return LogisticRegression.fit(LogisticRegression.Standardisation.of(raw).apply(raw), y, LAMBDA);
    }

    /** The model as the shipped JSON resource, with what it was trained on. */
    public static ObjectNode toJson(Fit fit, String trainedOn, double minPrecision, long seed) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        SupportModel m = fit.model();
        o.put("version", m.version());
        o.put("trained_on", trainedOn);
        o.put("examples", fit.examples().size());
        ObjectNode by = o.putObject("examples_by_kind");
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Example e : fit.examples()) {
            counts.computeIfAbsent(e.kind().toLowerCase(java.util.Locale.ROOT), k -> new int[2])[e.supported() ? 0 : 1]++;
        }
        counts.forEach((k, v) -> by.putObject(k).put("supported", v[0]).put("not_supported", v[1]));
        o.put("lambda", LAMBDA);
        o.put("seed", seed);
        o.put("min_precision", minPrecision);
        o.put("precision_reached_out_of_fold", fit.choice().reached());
        fr.preuve.eval.abstention.LogisticRegression.putCoefficients(o, SupportFeatures.NAMES, m.mean(), m.scale(),
                m.weights(), m.intercept());
        o.put("threshold", m.threshold());
        o.put("quality", m.quality());
        return o;
    }
}
