package fr.preuve.core.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quotable units of real passages of the demo corpus (HAS opinion CT-17766, WHO malaria and schistosomiasis guidelines). */
class QuotesTest {

    /** HAS, IDACIO opinion (CT-17766): a list whose items hang on a lead-in, one item split on " . ". */
    static final String IDACIO = """
            Aussi, le service médical rendu par les présentations IDACIO est important dans un périmètre restreint dans le traitement :
            - de la polyarthrite rhumatoïde en cas de réponse inadéquate aux traitements de fond, y compris le méthotrexate (uniquement présentations en seringue et stylos préremplis).
            - de la maladie de Crohn active, sévère, chez les enfants et les adolescents à partir de de 6 ans, qui n'ont pas répondu à un traitement conventionnel comprenant un corticoïde, un immunomodulateur et un traitement nutritionnel de première intention . ou chez lesquels ces traitements sont mal tolérés ou contre-indiqués.""";

    /** HAS, TAGRISSO opinion (CT-19357): nested lists whose items end with colons, then the conclusion. */
    static final String TAGRISSO = """
            Compte tenu de :
            - la démonstration de la supériorité de l’osimertinib par rapport au placebo dans une étude de phase III, en double insu en termes de survie sans maladie avec une réduction significative :
            o chez les patients de stade II-IIIA (critère de jugement principal), HR=0,17 . IC99,06%[0,11 . 0,26] . p < 0,0001) et
            o chez les patients de stade IB-IIIA (population totale, critère de jugement secondaire hiérarchisé), HR= 0,20 . IC99,12% [0,14 . 0,30] . p < 0,0001),
            et malgré :
            - l’immaturité des données de survie globale pour conclure à un avantage de TAGRISSO (osimertinib) par rapport au placebo sur ce critère de jugement
            - le surcroit de toxicité par rapport au placebo avec notamment plus d’événements indésirables de grades = 3 (20,2% versus 13,4%) ou ayant conduit à l’arrêt du traitement (11% versus 2,9%),
            - l’absence de données de qualité de vie à valeur démonstrative,
            La Commission considère que TAGRISSO (osimertinib), en traitement adjuvant, apporte une amélioration du service médical rendu mineure (ASMR IV) par rapport à la stratégie de prise en charge actuelle du CBNPC de stade IB-IIIA avec mutations activatrices de l’EGFR par délétion de l’exon 19 ou substitution de l’exon 21 (L858R) après résection tumorale complète et chimiothérapie adjuvante si indiquée.""";

    /** WHO malaria guidelines (2023), GRADE questions between the findings. */
    static final String GRADE = """
            • In children > 12 years and adults, parenteral artesunate probably prevents more deaths than intramuscular artemether (moderate-quality evidence).
            -- Is intramuscular artemether superior to parenteral quinine in preventing death from severe malaria?
            Overall certainty of evidence for all critical outcomes: moderate.
            Indirect comparisons of artesunate and quinine and of artemether and quinine were considered by the Guideline Development Group, with what is known about the pharmacokinetics of the two drugs.""";

    /** WHO schistosomiasis guideline (2022): its reference list. */
    static final String REFERENCES = """
            72. Burnim M, Ivy JA, King CH. Systematic review of community-based, school-based, and combined delivery modes for reaching school-aged children in mass drug administration programs for schistosomiasis. PLoS Negl Trop Dis. 2017;11(10):e0006043. doi:10.1371/journal.pntd.0006043.
            73. Cabello RKSAA, Beck LCNH, Massara CL, Murta FLG, Guimarães RJPS, Pieri OS, et al. Schistosoma mansoni infection and related knowledge among schoolchildren in an endemic area of Minas Gerais, Brazil, prior to educational actions. Acta Trop. 2016; 164:208-15. doi: 10.1016/j.actatropica.2016.09.015.""";

    /** WHO malaria guidelines, p. 169: a passage that starts with the end of a sentence cut by a heading. */
    static final String CUT = "neutropenia, particularly in patients co-infected with HIV and especially in those on "
            + "zidovudine and/or cotrimoxazole. Concomitant use of efavirenz increases exposure to amodiaquine and "
            + "hepatotoxicity.";

    @Test
    void aListItemIsQuotedWithItsLeadInAndASplitItemWhole() {
        List<Quote> quotes = Quotes.of(IDACIO, "Service médical rendu (SMR)");
        assertThat(quotes).extracting(Quote::text).containsExactly(
                "Aussi, le service médical rendu par les présentations IDACIO est important dans un périmètre restreint "
                        + "dans le traitement : - de la polyarthrite rhumatoïde en cas de réponse inadéquate aux traitements "
                        + "de fond, y compris le méthotrexate (uniquement présentations en seringue et stylos préremplis).",
                "Aussi, le service médical rendu par les présentations IDACIO est important dans un périmètre restreint "
                        + "dans le traitement :" + Quote.GAP + "- de la maladie de Crohn active, sévère, chez les enfants et "
                        + "les adolescents à partir de de 6 ans, qui n'ont pas répondu à un traitement conventionnel "
                        + "comprenant un corticoïde, un immunomodulateur et un traitement nutritionnel de première intention "
                        + ". ou chez lesquels ces traitements sont mal tolérés ou contre-indiqués.");
        assertVerbatim(IDACIO, quotes);
        assertThat(quotes.get(1).spans()).hasSize(2);
    }

    @Test
    void nestedListItemsHangOnTheOuterLeadIn() {
        List<Quote> quotes = Quotes.of(TAGRISSO, "Amélioration du service médical rendu");
        assertThat(quotes).isNotEmpty().allSatisfy(q -> assertThat(q.text()).containsPattern("^(Compte tenu de :|La Commission)"));
        assertThat(quotes).extracting(Quote::text).contains(TAGRISSO.substring(TAGRISSO.indexOf("La Commission")));
        assertThat(quotes).noneSatisfy(q -> assertThat(q.text()).endsWith(":"));
        assertVerbatim(TAGRISSO, quotes);
    }

    @Test
    void questionsHeadingsAndListItemsWithoutLeadInAreNotQuoted() {
        List<Quote> quotes = Quotes.of(GRADE, null);
        assertThat(quotes).extracting(Quote::text).containsExactly(
                "Overall certainty of evidence for all critical outcomes: moderate.",
                "Indirect comparisons of artesunate and quinine and of artemether and quinine were considered by the "
                        + "Guideline Development Group, with what is known about the pharmacokinetics of the two drugs.");
        assertVerbatim(GRADE, quotes);
    }

    @Test
    void referencesAndTheEndOfACutSentenceAreNotQuoted() {
        assertThat(Quotes.of(REFERENCES, null)).isEmpty();
        assertThat(Quotes.of(CUT, null)).extracting(Quote::text)
                .containsExactly("Concomitant use of efavirenz increases exposure to amodiaquine and hepatotoxicity.");
        assertThat(Quotes.of(CUT, "References")).isEmpty();
    }

    @Test
    void quotesOnlyCompleteSentences() {
        // Real sentences and fragments of the WHO malaria guidelines (p. 199) and of a HAS opinion.
        assertThat(Quotes.usable("The threshold for administering antibiotic treatment should be low in severe malaria.", false)).isTrue();
        assertThat(Quotes.usable("Le service médical rendu par GLIMEZIT (metformine) est important dans le traitement du diabète de type 2.", false)).isTrue();
        assertThat(Quotes.usable("Does artesunate reduce mortality in children with severe malaria?", false)).isFalse();
        assertThat(Quotes.usable("Strong recommendation for , Moderate certainty evidence Pre-referral treatment options (2015)", false)).isFalse();
        assertThat(Quotes.usable("Concomitant use of antibiotics", false)).isFalse();
        assertThat(Quotes.usable("The following should be considered:", false)).isFalse();
        assertThat(Quotes.usable("12.5 24.0 31.2 45.6 (95% CI 1.2-3.4) 0.82 0.91.", false)).isFalse();
    }

    /** Every piece of every quote is the passage text at its span, white space collapsed. */
    static void assertVerbatim(String passage, List<Quote> quotes) {
        for (Quote q : quotes) {
            List<String> pieces = q.pieces();
            assertThat(pieces).hasSameSizeAs(q.spans());
            for (int i = 0; i < pieces.size(); i++) {
                String at = passage.substring(q.spans().get(i).start(), q.spans().get(i).end());
                assertThat(at.replaceAll("\\s+", " ")).isEqualTo(pieces.get(i));
            }
        }
    }
}
