package fr.preuve.core.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SentenceSplitterTest {

    static final List<String> FIXTURES = List.of(
            "en-pubmedqa-21645374-1", "en-pubmedqa-24851767-2", "en-pubmedqa-22537902-2", "en-pubmedqa-20187289-2",
            "fr-bdpm-smr-CT-17938", "fr-bdpm-smr-CT-16235", "fr-bdpm-smr-CT-5644", "fr-bdpm-smr-CT-17745");

    static String resource(String name) {
        try (InputStream in = SentenceSplitterTest.class.getResourceAsStream("/text/" + name)) {
            assertThat(in).as("test resource /text/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> fixtures() {
        return FIXTURES.stream();
    }

    private static List<String> split(String text) {
        List<String> sentences = SentenceSplitter.sentences(text);
        assertWellFormed(text, SentenceSplitter.split(text));
        return sentences;
    }

    /** Trimmed, ordered, non-overlapping, non-empty, and covering every non-blank character. */
    static void assertWellFormed(String text, List<TextSpan> spans) {
        int previousEnd = 0;
        for (TextSpan s : spans) {
            if (s.start() < previousEnd || s.end() <= s.start() || s.end() > text.length()
                    || SentenceSplitter.isSpace(text.charAt(s.start())) || SentenceSplitter.isSpace(text.charAt(s.end() - 1))) {
                throw new AssertionError("bad span " + s + " after " + previousEnd + " in " + abbreviate(text));
            }
            assertBlank(text, previousEnd, s.start());
            previousEnd = s.end();
        }
        assertBlank(text, previousEnd, text.length());
    }

    private static void assertBlank(String text, int from, int to) {
        for (int p = from; p < to; p++) {
            if (!SentenceSplitter.isSpace(text.charAt(p))) {
                throw new AssertionError("character " + p + " '" + text.charAt(p) + "' is outside every sentence in "
                        + abbreviate(text));
            }
        }
    }

    private static String abbreviate(String text) {
        return '"' + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + '"';
    }

    // ---- golden splits of real text ---------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("fixtures")
    void realParagraphsSplitAsExpected(String name) {
        String text = resource(name + ".txt");
        List<String> expected = resource(name + ".sentences.txt").lines().map(l -> l.replace("\\n", "\n")).toList();
        assertThat(split(text)).containsExactlyElementsOf(expected);
    }

    @Test
    void goldenCountsAreWhatWeThinkTheyAre() {
        // guards against an accidentally emptied golden file
        assertThat(resource("en-pubmedqa-21645374-1.sentences.txt").lines()).hasSize(8);
        assertThat(resource("fr-bdpm-smr-CT-17938.sentences.txt").lines()).hasSize(6);
    }

    @Test
    void aSectionLabelGluedToTheSentenceBeforeStartsANewOne() {
        // PubMedQA 16428354 (real text): the label "AIM:" follows the full stop without a space.
        assertThat(split("Patients living in rural areas may be at a disadvantage in accessing tertiary health care.AIM: "
                + "To test the hypothesis that very premature infants born to mothers residing in rural areas have poorer outcomes."))
                .containsExactly("Patients living in rural areas may be at a disadvantage in accessing tertiary health care.",
                        "AIM: To test the hypothesis that very premature infants born to mothers residing in rural areas have poorer outcomes.");
        assertThat(split("The U.S.A. and the E.U. agreed.")).hasSize(1);
        assertThat(split("See fig.AB: no.")).hasSize(1);
    }

    @Test
    void aHeadingLineAndAGluedFullStopEndSentences() {
        // WHO guidelines for malaria 2023, p. 199 (real text as the WHO PDF parser gives it).
        String who = "Concomitant use of antibiotics\nThe threshold for administering antibiotic treatment should be low "
                + "in severe malaria. Septicaemia and severe malaria are associated, and there is substantial diagnostic "
                + "overlap,particularly in children in areas of moderate and high transmission.Thus broad- spectrum "
                + "antibiotic treatment should be given with antimalarial drugs.";
        assertThat(split(who)).containsExactly(
                "Concomitant use of antibiotics",
                "The threshold for administering antibiotic treatment should be low in severe malaria.",
                "Septicaemia and severe malaria are associated, and there is substantial diagnostic overlap,particularly "
                        + "in children in areas of moderate and high transmission.",
                "Thus broad- spectrum antibiotic treatment should be given with antimalarial drugs.");
        // A long line, one ending with a comma, or a next line in lower case is not a heading.
        assertThat(split("Patients were treated with\nArtesunate and followed for 28 days.")).hasSize(1);
        assertThat(split("Among the drugs used in children,\nArtesunate is preferred.")).hasSize(1);
        assertThat(split("Severe malaria\nin children is treated first.")).hasSize(1);
        assertThat(split("see www.example.org and E.coli.Then stop. Dr.Smith came.")).contains("see www.example.org and E.coli.Then stop.");
    }

    // ---- abbreviations ----------------------------------------------------------------------------------------

    @Test
    void etAlFollowedByBracketOrLowerCaseStaysInTheSentence() {
        assertThat(split("Stock et al. (Eur Respir J 25:47-53, 2005) recently estimated asthma prevalence in Germany "
                + "using claims data. Our objective was to critically assess it."))
                .containsExactly("Stock et al. (Eur Respir J 25:47-53, 2005) recently estimated asthma prevalence in "
                        + "Germany using claims data.", "Our objective was to critically assess it.");
        assertThat(split("We replicated the selection procedure of Stock et al. using data on 290,919 children."))
                .hasSize(1);
    }

    @Test
    void etAlAtTheEndOfASentence() {
        assertThat(split("This was first described by Smith et al. The results were confirmed later."))
                .containsExactly("This was first described by Smith et al.", "The results were confirmed later.");
    }

    @Test
    void latinAndEnglishAbbreviations() {
        assertThat(split("Schools can act, e.g. by providing an environment. The effectiveness varies."))
                .containsExactly("Schools can act, e.g. by providing an environment.", "The effectiveness varies.");
        assertThat(split("Four behaviours (i.e., exercise habits) were studied, i.e. NSAIDs were not. Then we stopped."))
                .containsExactly("Four behaviours (i.e., exercise habits) were studied, i.e. NSAIDs were not.",
                        "Then we stopped.");
        assertThat(split("CABG vs. PCI in diabetics. The odds were higher for an abdominal vs. inguinal location."))
                .containsExactly("CABG vs. PCI in diabetics.", "The odds were higher for an abdominal vs. inguinal location.");
        assertThat(split("Alignment improved (Fig. 2). Further exploration revealed an effect (see Fig. 3 and Fig. 4)."))
                .containsExactly("Alignment improved (Fig. 2).", "Further exploration revealed an effect (see Fig. 3 and Fig. 4).");
        assertThat(split("We enrolled approx. 50 patients, cf. Table 2 and ref. 12. Dr. Smith led the trial."))
                .containsExactly("We enrolled approx. 50 patients, cf. Table 2 and ref. 12.", "Dr. Smith led the trial.");
        assertThat(split("Trial No. 12 was stopped. No. The reviewers disagreed."))
                .containsExactly("Trial No. 12 was stopped.", "No.", "The reviewers disagreed.");
        assertThat(split("Doses were 10 and 20 mg, resp. The next step failed. Rates were 5% and 7%, resp. in the two arms."))
                .containsExactly("Doses were 10 and 20 mg, resp.", "The next step failed.",
                        "Rates were 5% and 7%, resp. in the two arms.");
        assertThat(split("Antibiotics, antivirals, etc. The list is long. Les AINS, etc. sont exclus."))
                .containsExactly("Antibiotics, antivirals, etc.", "The list is long.", "Les AINS, etc. sont exclus.");
    }

    @Test
    void frenchAbbreviationsAndTitles() {
        assertThat(split("Le Pr. Martin et M. Dupont ont vu Mme. Durand. Elle va mieux."))
                .containsExactly("Le Pr. Martin et M. Dupont ont vu Mme. Durand.", "Elle va mieux.");
        assertThat(split("Certains AINS, p. ex. le kétoprofène, sont contre-indiqués (cf. rubrique 4.3). "
                + "Les autres, c.-à-d. les coxibs, restent possibles."))
                .containsExactly("Certains AINS, p. ex. le kétoprofène, sont contre-indiqués (cf. rubrique 4.3).",
                        "Les autres, c.-à-d. les coxibs, restent possibles.");
        assertThat(split("Voir l'avis n° 3. Puis l'avis réf. 12 de la HAS, env. 20 pages."))
                .containsExactly("Voir l'avis n° 3.", "Puis l'avis réf. 12 de la HAS, env. 20 pages.");
    }

    @Test
    void initials() {
        assertThat(split("The method of J. Smith was used. It worked."))
                .containsExactly("The method of J. Smith was used.", "It worked.");
        assertThat(split("As reported by J. R. Smith and J.-P. Martin, the rate fell."))
                .hasSize(1);
        assertThat(split("Perforations form in A. madagascariensis leaves. E. coli was absent."))
                .containsExactly("Perforations form in A. madagascariensis leaves.", "E. coli was absent.");
        assertThat(split("Patients lacked vitamin D. The others did not.")).hasSize(2);
        assertThat(split("Patients had hepatitis B. Controls were excluded.")).hasSize(2);
    }

    @Test
    void lowerCaseAfterAnAbbreviationStaysJoinedButNotAfterAnOrdinaryWord() {
        assertThat(split("Cultures grew Staphylococcus spp. and others.")).hasSize(1);
        assertThat(split("Mortality was 3% (n.s.) and survival 67% (n.s.). Overall rates were low."))
                .containsExactly("Mortality was 3% (n.s.) and survival 67% (n.s.).", "Overall rates were low.");
        // real BDPM text: a sentence that starts with a lower-case letter after an ordinary word
        assertThat(split("apparentés en France. il sera réévalué dans 18 mois.")).hasSize(2);
    }

    @Test
    void casesFoundInThePubMedQaAndBdpmCorpora() {
        // acronyms are words, not the abbreviations "art." / "pr."
        assertThat(split("The risk may be related to ART. However, prevalence was high. Tumours were PR. Secondary cases were rare."))
                .hasSize(4);
        // an elided initial
        assertThat(split("Asparaginase issue d’E. coli. Le SMR est important.")).containsExactly(
                "Asparaginase issue d’E. coli.", "Le SMR est important.");
        // a unit letter after a signed number; an ambiguous abbreviation before a number
        assertThat(split("Refraction was -0.5 D. Cycloplegic drops were used.")).hasSize(2);
        assertThat(split("Interviews typically lasted 20-40 min. 244 (90%) parents participated.")).hasSize(2);
        assertThat(split("As in Smith et al. 2005, rates fell. Visits ran from Jan. 1, 1999 to Dec. 30, 2009.")).hasSize(2);
        // an in-line enumeration with lower-case items
        assertThat(split("The purpose was twofold: 1. to determine the angle and 2. to determine the risk.")).hasSize(1);
        // BDPM bullets lost to the encoding ("?") and a lost "≥" ("TPS ? 1 %")
        assertThat(split("Le SMR est important dans les indications suivantes :\n? Traitement de la polyarthrite.\n"
                + "? Traitement du psoriasis chez les patients avec un TPS ? 1 %."))
                .containsExactly("Le SMR est important dans les indications suivantes :", "? Traitement de la polyarthrite.",
                        "? Traitement du psoriasis chez les patients avec un TPS ? 1 %.");
    }

    // ---- numbers ----------------------------------------------------------------------------------------------

    @Test
    void decimalsStatisticsAndUnits() {
        assertThat(split("The AUC was 0.92 (95% CI 0.88-0.95). La glycémie était de 0,92 g/L. The dose was 1.5 mg/kg. "
                + "Significance was set at p < 0.05. The OR was 2.1 (95% CI 1.2-3.4). The effect was small (P = .002)."))
                .containsExactly("The AUC was 0.92 (95% CI 0.88-0.95).", "La glycémie était de 0,92 g/L.",
                        "The dose was 1.5 mg/kg.", "Significance was set at p < 0.05.", "The OR was 2.1 (95% CI 1.2-3.4).",
                        "The effect was small (P = .002).");
        assertThat(split("Scores were 5.5-44.6. Values above 3.4 were excluded.")).hasSize(2);
        assertThat(split("The infusion lasted 24 h. After that, patients rested for 30 min. and left."))
                .containsExactly("The infusion lasted 24 h.", "After that, patients rested for 30 min. and left.");
    }

    @Test
    void numberedSectionReferenceInsideBrackets() {
        assertThat(split("La Commission demande une réévaluation (cf. 010. Autres recommandations de la Commission). "
                + "Le SMR est faible."))
                .containsExactly("La Commission demande une réévaluation (cf. 010. Autres recommandations de la Commission).",
                        "Le SMR est faible.");
    }

    // ---- punctuation ------------------------------------------------------------------------------------------

    @Test
    void frenchSpacedQuestionAndExclamationMarks() {
        assertThat(split("Est-ce utile ? Oui. Et pourquoi ! Parce que."))
                .containsExactly("Est-ce utile ?", "Oui.", "Et pourquoi !", "Parce que.");
        assertThat(split("Est-ce utile\u00A0? Oui\u202F! Bien sûr."))
                .containsExactly("Est-ce utile\u00A0?", "Oui\u202F!", "Bien sûr.");
        assertThat(split("Is it useful? Yes. Really?! Indeed.")).containsExactly("Is it useful?", "Yes.", "Really?!", "Indeed.");
        assertThat(split("Il a dit « quoi ? » puis est parti.")).hasSize(1);
    }

    @Test
    void ellipses() {
        assertThat(split("He hesitated... Then he left.")).containsExactly("He hesitated...", "Then he left.");
        assertThat(split("Il hésite… Puis il part.")).containsExactly("Il hésite…", "Puis il part.");
        assertThat(split("Les AINS... et les coxibs sont exclus. Texte […] cité.")).hasSize(2);
    }

    @Test
    void closingQuotesAndBracketsAfterTheFullStop() {
        assertThat(split("(This was expected.) Next we measured it."))
                .containsExactly("(This was expected.)", "Next we measured it.");
        assertThat(split("He said \"stop.\" Then he left.")).containsExactly("He said \"stop.\"", "Then he left.");
        assertThat(split("Il répond « Oui. » Puis il part.")).containsExactly("Il répond « Oui. »", "Puis il part.");
        assertThat(split("Elle cite « la règle ».» Puis rien.")).hasSize(2);
        assertThat(split("As shown before.[12] Next study. And again.[3, 4] Done."))
                .containsExactly("As shown before.[12]", "Next study.", "And again.[3, 4]", "Done.");
    }

    // ---- lines and lists --------------------------------------------------------------------------------------

    @Test
    void listItemsAndParagraphsEndSentencesButWrappedLinesDoNot() {
        assertThat(split("Les critères sont :\n- âge > 65 ans\n- diabète\n\nUn second paragraphe"))
                .containsExactly("Les critères sont :", "- âge > 65 ans", "- diabète", "Un second paragraphe");
        assertThat(split("The patients were\nrandomised to two arms. Then they\n  were followed."))
                .containsExactly("The patients were\nrandomised to two arms.", "Then they\n  were followed.");
        assertThat(split("Steps:\n1. Wash hands.\n2. Dry them\n3) Rinse\na) left\nb) right\n(2) again\nii) twice"))
                .containsExactly("Steps:", "1. Wash hands.", "2. Dry them", "3) Rinse", "a) left", "b) right",
                        "(2) again", "ii) twice");
        assertThat(split("Effets :\r\n– nausées\r\n– vomissements\r\n\r\nTitre")).containsExactly(
                "Effets :", "– nausées", "– vomissements", "Titre");
        assertThat(split("Titre\n\nTexte.")).containsExactly("Titre", "Texte.");
        assertThat(split("1. Prendre le comprimé. 2. Boire.")).containsExactly("1. Prendre le comprimé.", "2. Boire.");
        assertThat(split("Posologie : 1. Prendre le comprimé.")).hasSize(1);
    }

    @Test
    void inlineBullets() {
        assertThat(split("Indications : • HTA • diabète de type 2 •  insuffisance rénale"))
                .containsExactly("Indications :", "• HTA", "• diabète de type 2", "•  insuffisance rénale");
        assertThat(split("• reste insuffisant.\n• est important.")).containsExactly("• reste insuffisant.", "• est important.");
    }

    @Test
    void fragmentsWithoutLettersJoinTheirNeighbour() {
        assertThat(split("Fin de l'avis ». \"")).containsExactly("Fin de l'avis ». \"");
        assertThat(split("-\n\nTexte suivi.")).containsExactly("-\n\nTexte suivi.");
        assertThat(split("Item one.\n-")).containsExactly("Item one.\n-");
    }

    // ---- contract ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n  \t", "\u00A0"})
    void blankTextHasNoSentences(String text) {
        assertThat(SentenceSplitter.split(text)).isEmpty();
    }

    @Test
    void nullTextHasNoSentences() {
        assertThat(SentenceSplitter.split(null)).isEmpty();
    }

    @Test
    void spansPointIntoTheText() {
        String text = "  First one.   Second one?\n\n Third ";
        List<TextSpan> spans = SentenceSplitter.split(text);
        assertThat(spans).containsExactly(new TextSpan(2, 12), new TextSpan(15, 26), new TextSpan(29, 34));
        assertThat(spans.get(1).of(text)).isEqualTo("Second one?");
        assertThat(SentenceSplitter.sentences(text)).containsExactly("First one.", "Second one?", "Third");
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", ". . .", "a.b.c. d", "(((( x. Y", "x.) ) ) Y", "» . «", "1.\n2.\n3.", ".[1] A",
            "Mr. . . .", "e.g. \u00A0\u202F?", "•", " • • ", "a\r\n\r\n\rb", "\u2029x\fy", "?!?! A ?", "’. L’"})
    void oddInputsStayWellFormed(String text) {
        assertWellFormed(text, SentenceSplitter.split(text));
    }

    @Test
    void pathologicalInputsRunInLinearTime() {
        int n = 400_000;
        List<String> inputs = List.of(
                "e.g. ".repeat(n / 5), "(".repeat(n) + ". A", ".".repeat(n), "a".repeat(n) + ". B",
                "A. ".repeat(n / 3), "x.) ".repeat(n / 4), "\n- a".repeat(n / 4), " •".repeat(n / 2),
                "[1".repeat(n / 2) + ". A", "( a. B ".repeat(n / 7));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String text : inputs) {
                assertWellFormed(text, SentenceSplitter.split(text));
            }
        });
    }

    @Test
    void deterministic() {
        String text = resource("en-pubmedqa-22537902-2.txt");
        assertThat(SentenceSplitter.split(text)).isEqualTo(SentenceSplitter.split(new String(text.toCharArray())));
    }
}
