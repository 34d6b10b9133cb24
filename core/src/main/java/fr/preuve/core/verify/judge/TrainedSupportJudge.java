package fr.preuve.core.verify.judge;

import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.SupportJudge;
import fr.preuve.core.verify.checks.Conflict;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The default support judge: the deterministic checks first ({@link ClaimChecks}: population binding, negation,
 * comparison direction, drug subject), any conflict rejecting the claim with its reason; then the trained model
 * ({@link SupportModel}) over {@link SupportFeatures}, supported when its probability reaches the model's threshold.
 * The embedding part of the features comes from {@link DefaultSupportJudge} (its passage-vector cache included).
 * <b>Across languages</b> (a French claim citing English text) the model is not used: its training judgements are all
 * English claims over English evidence, so the embedding judge's calibrated cross-language similarity threshold
 * decides, after the same checks.
 * Thread-safe when the embedder is.
 */
public final class TrainedSupportJudge implements SupportJudge {

    private final SupportFeaturizer featurizer;
    private final SupportModel model;

    public TrainedSupportJudge(SupportFeaturizer featurizer, SupportModel model) {
        this.featurizer = Objects.requireNonNull(featurizer, "featurizer");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The shipped model and drug lexicon over {@code base}. */
    public static TrainedSupportJudge standard(DefaultSupportJudge base) {
        return new TrainedSupportJudge(new SupportFeaturizer(base, DrugLexicon.standard()), SupportModel.standard());
    }

    @Override
    public String name() {
        return model.version();
    }

    public SupportModel model() {
        return model;
    }

    @Override
    public Judgement judge(String claim, List<String> evidence) {
        String c = DefaultSupportJudge.withoutCitations(Objects.requireNonNull(claim, "claim"));
        if (c.isBlank()) {
            return new Judgement(0, false, "no claim text once citations are removed");
        }
        Optional<Conflict> conflict = featurizer.conflict(c, evidence);
        if (conflict.isPresent()) {
            return new Judgement(0, false, conflict.get().reason(false));
        }
        DefaultSupportJudge.Features base = featurizer.base(c, evidence);
        if (base.crossLanguage()) {
            return featurizer.baseJudge().judge(c, evidence);
        }
        SupportFeatures f = featurizer.features(c, evidence, base);
        double p = model.probability(f);
        boolean ok = p >= model.threshold();
        return new Judgement(p, ok, String.format(Locale.ROOT,
                "probability %.2f %s threshold %.2f (similarity %.2f, words %.0f %%, best sentence %.0f %%%s)", p,
                ok ? "reaches" : "under", model.threshold(), f.get("similarity"), 100 * f.get("lexical"),
                100 * f.get("aligned"), f.get("certainty_inflated") > 0 ? ", more certain than the evidence" : ""));
    }
}
