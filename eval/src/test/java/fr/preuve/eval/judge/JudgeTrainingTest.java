package fr.preuve.eval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.embed.Embedder;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.SupportJudge;
import fr.preuve.core.verify.judge.SupportFeatures;
import fr.preuve.core.verify.judge.SupportFeaturizer;
import fr.preuve.core.verify.judge.SupportModel;
import fr.preuve.core.verify.judge.TrainedSupportJudge;
import fr.preuve.eval.dataset.SupportJudgement;
import fr.preuve.eval.dataset.SupportSet;
import fr.preuve.core.testing.TestEmbedders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training the support judge on real judgements (the first rows of the shipped MedHallu and ExpertQA dev files) with
 * the real embedding model: reproducible bit for bit, never reading the held-out half, and the shipped model judging
 * real WHO sentences (demo corpus, WHO malaria guidelines section 5.2.2).
 */
@Tag("slow")
class JudgeTrainingTest {

    static Embedder embedder;
    static SupportFeaturizer featurizer;

    @BeforeAll
    static void load() {
        embedder = TestEmbedders.shipped(); // the JVM's shared model
        featurizer = new SupportFeaturizer(new DefaultSupportJudge(embedder), DrugLexicon.standard());
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("eval/datasets/support"))) {
            p = p.getParent();
        }
        return p;
    }

    static List<SupportSet> sets() {
        Path dir = root().resolve("eval/datasets/support");
        return List.of(SupportSet.load(dir.resolve("medhallu-dev.jsonl")).first(24),
                SupportSet.load(dir.resolve("expertqa-medicine-dev.jsonl")).first(24));
    }

    @Test
    void trainingTwiceOnTheSameDataGivesTheSameModelBitForBit() {
        Perturbations p = new Perturbations(DrugLexicon.standard());
        List<JudgeTraining.Example> a = JudgeTraining.examples(sets(), featurizer, p, null);
        List<JudgeTraining.Example> b = JudgeTraining.examples(sets(), featurizer, p, null);
        String first = JudgeTraining.toJson(JudgeTraining.fit(a, 0.85, 7, "t"), "test", 0.85, 7).toString();
        String second = JudgeTraining.toJson(JudgeTraining.fit(b, 0.85, 7, "t"), "test", 0.85, 7).toString();
        assertThat(first).isEqualTo(second).contains("\"features\":[\"similarity\"");
        assertThat(a).extracting(JudgeTraining.Example::origin).contains(JudgeTraining.Origin.HUMAN,
                JudgeTraining.Origin.PERTURBED, JudgeTraining.Origin.OTHER_CLAIM);
    }

    @Test
    void onlyTheCalibrationHalfIsRead() {
        for (SupportSet s : sets()) {
            List<SupportJudgement> half = JudgeTraining.calibrationHalf(s);
            List<String> ids = half.stream().map(SupportJudgement::id).toList();
            List<JudgeTraining.Example> examples = JudgeTraining.examples(List.of(s), featurizer,
                    new Perturbations(DrugLexicon.standard()), null);
            assertThat(examples).allSatisfy(e -> assertThat(ids).contains(e.id().replaceFirst("#.*", "")));
            assertThat(half.size()).isLessThan(s.size());
        }
    }

    @Test
    void theShippedJudgeRejectsASwappedPopulationAndScoresAChangedNumberBelowTheFaithfulClaim() {
        String who = "Children weighing < 20 kg should receive a higher dose of artesunate (3 mg/kg bw per dose) than "
                + "larger children and adults (2.4 mg/kg bw per dose) to ensure equivalent exposure to the drug.";
        TrainedSupportJudge judge = TrainedSupportJudge.standard(new DefaultSupportJudge(embedder));
        assertThat(SupportModel.standard().version()).isEqualTo("trained-v1");
        assertThat(SupportModel.standard().quality()).contains("precision");
        SupportJudge.Judgement swapped = judge.judge("Adults should receive artesunate 3 mg/kg bw per dose [1].",
                List.of(who));
        assertThat(swapped.supported()).isFalse();
        assertThat(swapped.reason()).contains("children");
        double faithful = judge.judge("Children weighing less than 20 kg should receive 3 mg/kg bw of artesunate per "
                + "dose [1].", List.of(who)).score();
        double changed = judge.judge("Children weighing less than 20 kg should receive 7 mg/kg bw of artesunate per "
                + "dose [1].", List.of(who)).score();
        assertThat(changed).isLessThan(faithful);
        assertThat(featurizer.features("Children should receive 7 mg/kg.", List.of(who)).get("numbers_missing"))
                .isEqualTo(1.0);
        assertThat(SupportFeatures.NAMES).hasSize(SupportModel.standard().weights().length);
    }

    @Test
    void acrossLanguagesTheEmbeddingJudgeDecidesAfterTheChecks() {
        String who = "Children weighing < 20 kg should receive a higher dose of artesunate (3 mg/kg bw per dose) than "
                + "larger children and adults (2.4 mg/kg bw per dose) to ensure equivalent exposure to the drug.";
        TrainedSupportJudge judge = TrainedSupportJudge.standard(new DefaultSupportJudge(embedder));
        SupportJudge.Judgement translated = judge.judge("Les enfants de moins de 20 kg doivent recevoir une dose plus "
                + "élevée d'artésunate (3 mg/kg par dose) que les enfants plus grands et les adultes [1].", List.of(who));
        assertThat(translated.reason()).contains("different languages");
        SupportJudge.Judgement swapped = judge.judge("Les adultes doivent recevoir 3 mg/kg d'artésunate par dose [1].",
                List.of(who));
        assertThat(swapped.supported()).isFalse();
        assertThat(swapped.reason()).contains("children");
    }
}
