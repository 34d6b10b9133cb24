package fr.preuve.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerMode;
import fr.preuve.core.answer.AnswerService;
import fr.preuve.core.answer.AnswerSentence;
import fr.preuve.core.answer.CitedPassage;
import fr.preuve.core.answer.ExtractiveAnswerer;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.HybridSearcher;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Extractive answers over the 1,000 PubMedQA abstracts. */
class ExtractiveAnswerTest {

    static AnswerService service;

    @BeforeAll
    static void build() {
        HybridSearcher searcher = new HybridSearcher(DemoData.pubmedqaIndex(), DemoData.embedder(), SearchSettings.defaults());
        AnswerSettings settings = AnswerSettings.defaults();
        service = new AnswerService(searcher, new ExtractiveAnswerer(searcher, settings), settings,
                () -> "test-version");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Do mitochondria play a role in remodelling lace plant leaves during programmed cell death?",
            "Is laparoscopic cholecystectomy safe in elderly patients?",
            "Does vitamin D supplementation reduce the risk of falls?",
            "Les statines avant un pontage coronarien réduisent-elles la fibrillation atriale après l'opération ?"})
    void answersQuoteTheirPassagesVerbatimWithValidCitations(String question) {
        Answer a = service.ask(question, Filters.NONE);
        assertThat(a.abstained()).as("abstained on: " + question).isFalse();
        assertThat(a.sentences()).hasSizeBetween(3, 6);
        Map<Integer, CitedPassage> byN = a.passages().stream().collect(Collectors.toMap(CitedPassage::n, Function.identity()));
        assertThat(byN.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, a.passages().size()).boxed().toList());
        for (AnswerSentence s : a.sentences()) {
            assertThat(s.verdict()).isEqualTo(Verdict.SUPPORTED);
            assertThat(s.citations()).hasSize(1);
            CitedPassage p = byN.get(s.citations().getFirst());
            assertThat(p).as("citation %s of '%s'", s.citations(), s.text()).isNotNull();
            for (String piece : s.text().split(" … ")) {
                assertThat(p.highlights()).as("a highlight of '%s'", piece).anySatisfy(h -> assertThat(
                        p.text().substring(h.start(), h.end()).replaceAll("\\s+", " ")).isEqualTo(piece));
            }
            assertThat(a.answer()).contains(s.text() + " [" + s.citations().getFirst() + "]");
        }
        assertThat(a.passages()).allSatisfy(p -> assertThat(p.url()).startsWith("https://pubmed.ncbi.nlm.nih.gov/"));
        assertThat(a.mode()).isEqualTo(AnswerMode.EXTRACTIVE);
        assertThat(a.corpusVersion()).isEqualTo("test-version");
        assertThat(a.notice()).isNotBlank();
        assertThat(a.timings().totalMs()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "How do I change the oil filter of a diesel car engine?",
            "What is the capital city of Australia?",
            "Quelle est la meilleure recette de tarte aux pommes ?",
            "Who won the football world cup in 1998?"})
    void abstainsWhenTheCorpusHoldsNoEvidence(String question) {
        Answer a = service.ask(question, Filters.NONE);
        assertThat(a.abstained()).as("answered: " + a.answer()).isTrue();
        assertThat(a.sentences()).isEmpty();
        assertThat(a.answer()).containsAnyOf("No evidence found", "Aucune preuve");
        assertThat(a.passages()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void answersInTheQuestionsLanguage() {
        assertThat(service.ask("Quel est le rôle des mitochondries dans la mort cellulaire programmée ?", Filters.NONE).language()).isEqualTo("fr");
        assertThat(service.ask("What is the role of mitochondria in programmed cell death?", Filters.NONE).language()).isEqualTo("en");
    }

    @Test
    void rejectsEmptyAndOverlongQuestions() {
        assertThatThrownBy(() -> service.ask("   ", Filters.NONE)).hasMessageContaining("empty");
        assertThatThrownBy(() -> service.ask("x".repeat(2001), Filters.NONE)).hasMessageContaining("2001").hasMessageContaining("2000");
    }

    /**
     * Every sentence delivered for the PubMed questions of the shipped sets (the first 200 PubMedQA test questions, the
     * 80 French cross-lingual ones over PubMed abstracts) is a whole statement as an independent check sees it (no
     * question, heading, fragment, list item alone or reference), and is verbatim.
     */
    @Test
    void noDeliveredSentenceIsAQuestionAHeadingOrAFragment() throws java.io.IOException {
        java.nio.file.Path datasets = DemoData.DEMO.getParent().getParent().resolve("eval/datasets");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<String> questions = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(datasets.resolve("pubmedqa-demo.jsonl")).subList(0, 200)) {
            questions.add(json.readTree(line).get("question").asText());
        }
        for (String line : java.nio.file.Files.readAllLines(datasets.resolve("xl-demo.jsonl"))) {
            var q = json.readTree(line);
            if (q.get("id").asText().startsWith("xl-pm-fr-")) {
                questions.add(q.get("question").asText());
            }
        }
        assertThat(questions).hasSize(280);
        java.util.List<String> flawed = new java.util.ArrayList<>();
        int delivered = 0;
        for (String question : questions) {
            Answer a = service.ask(question, Filters.NONE);
            Map<Integer, CitedPassage> byN = a.passages().stream().collect(Collectors.toMap(CitedPassage::n, Function.identity()));
            for (AnswerSentence s : a.sentences()) {
                delivered++;
                fr.preuve.core.verify.QuoteShape.flaw(s.text()).ifPresent(f -> flawed.add(f + ": " + s.text()));
                String passage = byN.get(s.citations().getFirst()).text().replaceAll("\\s+", " ");
                for (String piece : s.text().split(" … ")) {
                    assertThat(passage).as(question).contains(piece);
                }
            }
        }
        assertThat(delivered).isGreaterThan(500);
        assertThat(flawed).isEmpty();
    }

    @Test
    void aQuestionForAProportionIsAnsweredWithOne() {
        Answer a = service.ask("What proportion of patients developed atrial fibrillation after CABG with preoperative "
                + "statin therapy?", Filters.NONE);
        assertThat(a.coverage()).isEqualTo(fr.preuve.core.answer.Coverage.FULL);
        assertThat(a.sentences().getFirst().text()).containsPattern("\\d\\s?%");
    }

    @Test
    void findingsComeBeforeMethods() {
        Answer a = service.ask("Should I give dexamethasone or prednisone for asthma exacerbations in children?", Filters.NONE);
        assertThat(a.abstained()).isFalse();
        CitedPassage first = a.passages().stream().filter(p -> p.n() == a.sentences().getFirst().citations().getFirst())
                .findFirst().orElseThrow();
        assertThat(first.section()).isNotIn("METHODS", "BACKGROUND", "OBJECTIVE", "DESIGN");
        assertThat(a.sentences().getFirst().text()).doesNotContain("search was conducted", "studies selected");
    }
}
