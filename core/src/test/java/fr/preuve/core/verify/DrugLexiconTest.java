package fr.preuve.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrugLexiconTest {

    private static final DrugLexicon LEX = DrugLexicon.standard();

    /** WHO guidelines for malaria (16 October 2023), corpus-config/demo/who, section 5.2.2. */
    private static final String WHO_SEVERE = "If artesunate is not available, artemether should be used in preference "
            + "to quinine for treating children and adults with severe malaria.";

    private static List<String> keys(String text) {
        return LEX.find(text).stream().map(DrugMention::key).toList();
    }

    @Test
    void shippedLexiconEqualsAFreshBuildFromTheRepositorySources() throws IOException {
        String shipped = Files.readString(DrugLexiconGenerator.MAIN_DATA.resolve(DrugLexicon.RESOURCE),
                StandardCharsets.UTF_8);
        assertThat(DrugLexiconGenerator.generate()).isEqualTo(shipped);
        assertThat(LEX.size()).isGreaterThan(1500);
    }

    @Test
    void frenchAndEnglishSpellingsShareAKey() {
        assertThat(LEX.missing("L'amoxicilline est le traitement de première intention [1].",
                List.of("Amoxicillin remains the first-line treatment."))).isEmpty();
        assertThat(LEX.missing("L'artésunate IV est recommandé.", List.of(WHO_SEVERE))).isEmpty();
        assertThat(LEX.missing("Le paracétamol est l'antalgique de choix.",
                List.of("Paracetamol (acetaminophen) is the analgesic of choice."))).isEmpty();
        assertThat(LEX.missing("L'ibuprofène est contre-indiqué.", List.of("Ibuprofen is contraindicated."))).isEmpty();
        assertThat(LEX.missing("L'acide acétylsalicylique à faible dose.", List.of("Low-dose aspirin."))).isEmpty();
        assertThat(LEX.missing("Acetylsalicylic acid at low dose.", List.of("L'acide acétylsalicylique."))).isEmpty();
        assertThat(LEX.missing("La céfalexine est une option.", List.of("Cephalexin is an option."))).isEmpty();
        assertThat(keys("artésunate, Artesunate, paracétamol, ibuprofène")).containsExactly(
                "artesunate", "artesunate", "paracetamol", "ibuprofen");
        assertThat(keys("AMOXICILLINE, Amoxicillin, amoxicilline")).containsExactly(
                "amoxicillin", "amoxicillin", "amoxicillin");
    }

    @Test
    void aDrugTheEvidenceDoesNotNameIsMissing() {
        List<DrugMention> missing = LEX.missing("La ciprofloxacine est une alternative à l'amoxicilline [1].",
                List.of("Amoxicillin 1 g three times daily for 7 days."));
        assertThat(missing).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("ciprofloxacine");
            assertThat(m.key()).isEqualTo("ciprofloxacin");
        });
        assertThat(LEX.missing("Artemether or quinine may be used.", List.of("Artesunate is preferred.")))
                .extracting(DrugMention::text).containsExactly("Artemether", "quinine");
    }

    @Test
    void mentionsAreWholeWordsWithOffsets() {
        String text = "Traiter par l'artéméther puis relais per os.";
        DrugMention m = LEX.find(text).getFirst();
        assertThat(text.substring(m.start(), m.end())).isEqualTo("artéméther");
        assertThat(keys("quininemia, préartésunate")).isEmpty();
        assertThat(keys("acide acétylsalicylique")).containsExactly("acetylsalicylic acid");
    }

    @Test
    void ordinaryClinicalProseHasNoFalseDrugMentions() {
        List<String> prose = List.of(
                // HAS, COVID-19 vaccination strategy (p_3240117, 2 March 2021), corpus-config/demo/has
                "L’objectif de la vaccination contre le SARS-CoV-2 est de réduire la mortalité et les formes graves de "
                        + "Covid-19 en ciblant les personnes les plus vulnérables et de réduire la tension sur le système "
                        + "de santé.",
                "L’allocation progressive des doses de vaccins contre le SARS-CoV-2 nécessite d’établir une "
                        + "priorisation des personnes à vacciner.",
                "Les pathologies à haut risque de décès comprenant les personnes présentant un diabète (de type 1 et "
                        + "de type 2), une obésité (IMC > 30 kg/m2), un cancer, une BPCO ou une insuffisance "
                        + "respiratoire, une insuffisance cardiaque, une hypertension artérielle compliquée.",
                "D’autres comorbidités ont un rôle encore discutable et ne sont donc pas à ce stade prises en "
                        + "considération pour la priorisation.",
                // HAS, vaccination by pharmacists (p_3240075, 2021)
                "Les données de pharmacovigilance française et internationale relatives aux réactions "
                        + "d’hypersensibilité / anaphylaxie grave ; Les contre-indications strictes à la vaccination.",
                "Sur le plan logistique, que les conditions de conservation du vaccin d’AstraZeneca devraient "
                        + "permettre de simplifier le parcours vaccinal.",
                // WHO guidelines for malaria (2023), corpus-config/demo/who
                "Rectal artesunate should not be used in older children and adults.",
                "When G6PD status is unknown and G6PD testing is not available, a decision to prescribe primaquine "
                        + "should be based on an assessment of the risks and benefits of adding primaquine.",
                "A shorter regimen can lead to better adherence compared to the standard 14-day regimen and thus to "
                        + "fewer relapses.",
                "There is a significantly increased risk of serious adverse events (moderate to large undesirable "
                        + "effect) at this daily dosing of the standard high dose.",
                "Where complete treatment of severe malaria is not possible, but injections are available, adults "
                        + "and children should be given a single intramuscular dose of artesunate.",
                // everyday clinical words that are also BDPM substances: left out on purpose (drug-stoplist.txt)
                "Contrôler la glycémie, le potassium, le sodium, le calcium et le fer ; boire de l'eau, oxygène si "
                        + "besoin, apport en vitamine D, glucose IV, albumine basse.");
        List<String> found = prose.stream().flatMap(p -> LEX.find(p).stream()).map(DrugMention::key).toList();
        assertThat(found).containsExactly("artesunate", "primaquin", "primaquin", "artesunate");
    }
}
