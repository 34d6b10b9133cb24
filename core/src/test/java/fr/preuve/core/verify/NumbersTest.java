package fr.preuve.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumbersTest {

    /** WHO guidelines for malaria (16 October 2023), corpus-config/demo/who, recommendation 5.2.2.1. */
    private static final String WHO_ARTESUNATE = "Children weighing < 20 kg should receive a higher dose of artesunate "
            + "(3 mg/kg bw per dose) than larger children and adults (2.4 mg/kg bw per dose) to ensure equivalent "
            + "exposure to the drug.";
    /** Same guideline, short-course primaquine (2022). */
    private static final String WHO_PRIMAQUINE = "To prevent relapse, an additional treatment option of using "
            + "primaquine 0.5 mg/kg/day for seven days is recommended to treat P. vivax or P. ovale malaria in children "
            + "and adults (except pregnant women, infants aged < 6 months, women breastfeeding infants aged < 6 months).";
    /** Same guideline, primaquine in G6PD deficiency (2015). */
    private static final String WHO_G6PD = "In people with G6PD deficiency, primaquine base at 0.75 mg/kg bw once a "
            + "week for 8 weeks can be given to prevent relapse, with close medical supervision for potential "
            + "primaquine-induced haemolysis.";
    /** HAS, COVID-19 vaccination by pharmacists (p_3240075, 2021), corpus-config/demo/has. */
    private static final String HAS_GRIPPE = "(30 % des vaccinations contre la grippe ont été pratiquées en officine "
            + "lors de la campagne 2019-2020 dont 47 % chez des personnes âgées de moins de 65 ans)";
    /** HAS, COVID-19 priorisation (p_3240117, 2021). */
    private static final String HAS_OBESITE = "Les pathologies à haut risque de décès comprenant les personnes "
            + "présentant un diabète (de type 1 et de type 2), une obésité (IMC > 30 kg/m2), un cancer.";

    private static List<String> texts(List<NumberMention> mentions) {
        return mentions.stream().map(NumberMention::text).toList();
    }

    @Test
    void glycaemiaThresholdMustBeTheOneOfThePassage() {
        String claim = "La glycémie à jeun doit être inférieure à 0,95 g/L [1].";
        List<NumberMention> missing = Numbers.missing(claim,
                List.of("Le diabète est défini par une glycémie à jeun supérieure à 1,26 g/L ; la normale est "
                        + "inférieure à 0,92 g/L."));
        assertThat(missing).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("0,95 g/L");
            assertThat(m.value()).isEqualByComparingTo("0.95");
            assertThat(m.unit()).isEqualTo("g/L");
        });
        assertThat(Numbers.missing("La glycémie à jeun doit être inférieure à 0,92 g/L [1].",
                List.of("La normale est inférieure à 0.92 g/l."))).isEmpty();
    }

    @Test
    void frenchClaimMatchesEnglishGuidelineDoses() {
        assertThat(Numbers.missing("Chez l'adulte, la dose d'artésunate est de 2,4 mg/kg par dose.",
                List.of(WHO_ARTESUNATE))).isEmpty();
        assertThat(Numbers.missing("Chez l'enfant de moins de 20 kg, la dose est de 3 mg/kg.",
                List.of(WHO_ARTESUNATE))).isEmpty();
        assertThat(texts(Numbers.missing("Chez l'enfant de moins de 20 kg, la dose est de 4 mg/kg.",
                List.of(WHO_ARTESUNATE)))).containsExactly("4 mg/kg");
        // "seven days" in the passage, "7 jours" in the answer; mg/kg/j = mg/kg/day
        assertThat(Numbers.missing("La primaquine se donne à 0,5 mg/kg/j pendant 7 jours.",
                List.of(WHO_PRIMAQUINE))).isEmpty();
        assertThat(texts(Numbers.missing("La primaquine se donne à 0,5 mg/kg/j pendant 14 jours.",
                List.of(WHO_PRIMAQUINE)))).containsExactly("14 jours");
    }

    @Test
    void durationsMatchAcrossLanguagesButNotAcrossUnits() {
        assertThat(Numbers.missing("Une fois par semaine pendant 8 semaines.", List.of(WHO_G6PD))).isEmpty();
        assertThat(Numbers.missing("Le traitement dure 12 semaines.", List.of("Treatment lasted 12 weeks."))).isEmpty();
        assertThat(texts(Numbers.missing("Le traitement dure 12 semaines.", List.of("Treatment lasted 12 days."))))
                .containsExactly("12 semaines");
        assertThat(Numbers.missing("Le traitement dure douze semaines.", List.of("Treatment lasted 12 weeks.")))
                .isEmpty();
        assertThat(Numbers.missing("Treatment lasted 12 weeks.", List.of("Le traitement dure douze semaines.")))
                .isEmpty();
    }

    @Test
    void timesPerDayMatchAcrossLanguages() {
        List<NumberMention> fr = Numbers.extract("Prendre 500 mg 3 fois par jour.");
        assertThat(fr).extracting(NumberMention::unit).containsExactly("mg", "×/day");
        assertThat(Numbers.missing("Prendre 500 mg 3 fois par jour.",
                List.of("Give 500 mg three times a day."))).isEmpty();
        assertThat(Numbers.missing("Prendre 500 mg deux fois par jour.",
                List.of("Give 500 mg twice daily."))).isEmpty();
        assertThat(texts(Numbers.missing("Prendre 500 mg 3 fois par jour.",
                List.of("Give 500 mg twice daily.")))).containsExactly("3 fois par jour");
    }

    @Test
    void decimalMarksAndThousandsSeparators() {
        assertThat(Numbers.extract("1 000 patients, 2\u00A0500 patients et 3\u202F000 patients"))
                .extracting(NumberMention::value).map(BigDecimal::intValue).containsExactly(1000, 2500, 3000);
        assertThat(Numbers.extract("A total of 1,000 patients were enrolled in the trial.").getFirst().value())
                .isEqualByComparingTo("1000");
        assertThat(Numbers.extract("La dose est de 1,5 mg.").getFirst().value()).isEqualByComparingTo("1.5");
        assertThat(Numbers.extract("La dose est de 1,500 mg pour le patient.").getFirst().value())
                .isEqualByComparingTo("1.5");
        assertThat(Numbers.missing("1000 patients were enrolled.", List.of("Au total 1 000 patients."))).isEmpty();
    }

    @Test
    void percentagesInAllSpellings() {
        assertThat(Numbers.extract(HAS_GRIPPE)).extracting(NumberMention::text)
                .containsExactly("30 %", "2019", "2020", "47 %", "65 ans");
        assertThat(Numbers.missing("47 pour cent des vaccinations concernaient les moins de 65 ans.",
                List.of(HAS_GRIPPE))).isEmpty();
        assertThat(Numbers.missing("About 47% were under 65 years old.", List.of(HAS_GRIPPE))).isEmpty();
        assertThat(texts(Numbers.missing("En 2021, 30 % des vaccinations étaient faites en officine.",
                List.of(HAS_GRIPPE)))).containsExactly("2021");
    }

    @Test
    void rangesGiveTheUnitToBothEnds() {
        for (String text : List.of("10-20 mg", "10 à 20 mg", "10 to 20 mg", "10–20 mg")) {
            assertThat(Numbers.extract(text)).as(text).extracting(NumberMention::unit).containsExactly("mg", "mg");
        }
        assertThat(Numbers.extract("Âge moyen 54 ± 12 ans")).extracting(NumberMention::unit)
                .containsExactly("year", "year");
        assertThat(Numbers.missing("Give 15 mg/kg.", List.of("10 to 15 mg/kg every 6 h"))).isEmpty();
        assertThat(texts(Numbers.missing("Give 15 g.", List.of("10 to 15 mg/kg every 6 h")))).containsExactly("15 g");
    }

    @Test
    void unitSpellingsAreCanonical() {
        assertThat(Numbers.extract("100 µg, 100 mcg, 100 ug, 5 mL, 5 ml, 10 UI, 10 IU, 10mg, 2 h, 2 heures"))
                .extracting(NumberMention::unit)
                .containsExactly("µg", "µg", "µg", "mL", "mL", "IU", "IU", "mg", "h", "h");
        assertThat(Numbers.extract(HAS_OBESITE)).extracting(NumberMention::text).containsExactly("1", "2", "30 kg");
    }

    @Test
    void digitsGluedToLettersAreNotNumbers() {
        assertThat(Numbers.extract("COVID-19, H1N1, CYP3A4, SARS-CoV-2, 2CH et le 1er patient")).isEmpty();
        assertThat(Numbers.extract("Une HbA1c 7 % est visée.")).extracting(NumberMention::text)
                .containsExactly("7 %");
        assertThat(Numbers.extract("1. Prendre 2 comprimés [1, 3].")).extracting(NumberMention::text)
                .containsExactly("2 comprimés");
    }

    @Test
    void yearsAreFacts() {
        assertThat(texts(Numbers.missing("Cette recommandation date de 2019.",
                List.of("Dans son avis du 30 novembre 2020 complété par son avis du 17 décembre 2020"))))
                .containsExactly("2019");
    }

    @Test
    void aClaimWithoutNumbersHasNothingMissing() {
        assertThat(Numbers.missing("L'artésunate est le traitement de référence du paludisme grave.",
                List.of(WHO_ARTESUNATE))).isEmpty();
        assertThat(Numbers.extract("")).isEmpty();
    }
}
