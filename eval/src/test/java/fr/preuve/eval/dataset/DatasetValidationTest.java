package fr.preuve.eval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.question.AnswerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetValidationTest {

    @TempDir
    Path dir;

    private static final String OK = "{\"id\":\"q1\",\"question\":\"Quel SMR ?\",\"lang\":\"fr\",\"gold_docs\":[\"has:CT-19455\"],"
            + "\"key_facts\":[\"important\"],\"unanswerable\":false}";

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("q.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private void rejects(String line2, String field, String reason) throws IOException {
        Path f = file(OK, line2);
        assertThatThrownBy(() -> QuestionSet.load(f))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.file()).endsWith("q.jsonl");
                })
                .hasMessageContaining("q.jsonl, line 2" + (field == null ? "" : ", field '" + field + "'"))
                .hasMessageContaining(reason);
    }

    @Test
    void readsAQuestionWithDefaults() throws IOException {
        QuestionSet s = QuestionSet.load(file("", OK, "  ",
                "{\"id\":\"q2\",\"question\":\"Sel ?\",\"lang\":\"fr\",\"gold_docs\":[],\"unanswerable\":true}"));
        assertThat(s.size()).isEqualTo(2);
        Question q = s.questions().get(0);
        assertThat(q.goldDocs()).containsExactly(DocumentId.parse("has:CT-19455"));
        assertThat(q.keyFacts()).containsExactly("important");
        assertThat(q.goldText()).isNull();
        assertThat(s.unanswerable()).extracting(Question::id).containsExactly("q2");
        assertThat(s.unanswerable().get(0).keyFacts()).isEmpty();
    }

    @Test
    void rejectsBadQuestionsNamingLineAndField() throws IOException {
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":[\"pubmed\"]}", "gold_docs[0]", "bad document id 'pubmed'");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":[\"nope:1\"]}", "gold_docs[0]", "unknown source 'nope'");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":[\"pubmed:1\"],\"extra\":1}", "extra", "unknown field");
        rejects("{\"id\":\"q2\",\"lang\":\"fr\",\"gold_docs\":[\"pubmed:1\"]}", "question", "missing");
        rejects("{\"id\":\"q2\",\"question\":\"  \",\"lang\":\"fr\",\"gold_docs\":[\"pubmed:1\"]}", "question", "blank");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"french\",\"gold_docs\":[\"pubmed:1\"]}", "lang", "ISO 639-1");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":\"pubmed:1\"}", "gold_docs", "expected an array");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\"}", "gold_docs", "missing");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":[]}", "gold_docs", "at least one document");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":[\"pubmed:1\"],\"unanswerable\":true}",
                "gold_docs", "must be empty when unanswerable");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":[],\"key_facts\":[\"a\"],\"unanswerable\":true}",
                "key_facts", "must be empty when unanswerable");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":[\"pubmed:1\"],\"unanswerable\":\"no\"}",
                "unanswerable", "true or false");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":[\"pubmed:1\"],\"key_facts\":[\"a\",\"a\"]}",
                "key_facts[1]", "duplicate");
        rejects("{\"id\":\"q2\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":[\"pubmed:1\"],\"key_facts\":[3]}",
                "key_facts[0]", "expected a string");
        rejects(OK, "id", "duplicate id 'q1' (first on line 1)");
        rejects("{\"id\":\"bad id\",\"question\":\"x\",\"lang\":\"fr\",\"gold_docs\":[\"pubmed:1\"]}", "id", "bad id");
        rejects("{\"id\":\"q2\",", null, "not valid JSON");
        rejects("[1,2]", null, "expected a JSON object");
        rejects("{\"id\":\"q2\",\"id\":\"q3\"}", null, "Duplicate field 'id'");
    }

    @Test
    void readsTheOptionalAnswerTypeAndRefusesAnUnknownOne() throws IOException {
        String typed = "{\"id\":\"q2\",\"question\":\"Quelle dose ?\",\"lang\":\"fr\",\"answer_type\":\"yes_no\","
                + "\"gold_docs\":[\"has:CT-19455\"],\"key_facts\":[\"important\"],\"unanswerable\":false}";
        QuestionSet s = QuestionSet.load(file(OK, typed));
        assertThat(s.questions().get(0).answerType()).isNull();
        assertThat(s.questions().get(1).answerType()).isEqualTo(AnswerType.YES_NO);
        Path copy = dir.resolve("typed.jsonl");
        QuestionSet.write(copy, s.questions());
        assertThat(Files.readAllLines(copy).get(1)).isEqualTo(typed);
        assertThat(QuestionSet.load(copy).questions()).isEqualTo(s.questions());

        rejects(typed.replace("yes_no", "dosage"), "answer_type", "unknown answer type 'dosage'");
        rejects(typed.replace("\"yes_no\"", "3"), "answer_type", "expected a string");
    }

    @Test
    void rejectsMissingEmptyAndNonUtf8Files() throws IOException {
        assertThatThrownBy(() -> QuestionSet.load(dir.resolve("none.jsonl"))).hasMessageContaining("none.jsonl: no such file");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
        assertThatThrownBy(() -> QuestionSet.load(empty)).hasMessageContaining("empty.jsonl: the file holds no records");
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, (OK + "\n{\"id\":\"q2\",\"question\":\"d\u00e9j\u00e0\"}\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> QuestionSet.load(latin1)).hasMessageContaining("line 2").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void supportJudgementsAreCheckedAndRoundTrip() throws IOException {
        Path f = dir.resolve("s.jsonl");
        SupportJudgement a = new SupportJudgement("s1", "Claim.", List.of("Passage one.", "Passage two."),
                SupportLabel.SUPPORTED, "test#1", "Complete");
        SupportJudgement b = new SupportJudgement("s2", "Other claim.", List.of(), SupportLabel.NOT_SUPPORTED, "test#2", null);
        SupportSet.write(f, List.of(a, b));
        SupportSet s = SupportSet.load(f);
        assertThat(s.items()).containsExactly(a, b);
        assertThat(s.countByLabel()).containsEntry(SupportLabel.SUPPORTED, 1).containsEntry(SupportLabel.NOT_SUPPORTED, 1);
        assertThat(Files.readAllLines(f).get(0)).isEqualTo("{\"id\":\"s1\",\"claim\":\"Claim.\",\"evidence\":[\"Passage one.\","
                + "\"Passage two.\"],\"label\":\"supported\",\"source\":\"test#1\",\"original_label\":\"Complete\"}");

        Path bad = Files.writeString(dir.resolve("bad.jsonl"), Files.readString(f)
                + "{\"id\":\"s3\",\"claim\":\"c\",\"evidence\":[],\"label\":\"partial\",\"source\":\"x\"}\n");
        assertThatThrownBy(() -> SupportSet.load(bad)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("bad.jsonl, line 3, field 'label': expected \"supported\" or \"not_supported\", got 'partial'");
        Path noEvidence = Files.writeString(dir.resolve("ne.jsonl"),
                "{\"id\":\"s3\",\"claim\":\"c\",\"label\":\"supported\",\"source\":\"x\"}\n");
        assertThatThrownBy(() -> SupportSet.load(noEvidence)).hasMessageContaining("ne.jsonl, line 1, field 'evidence': missing");
    }

    @Test
    void questionsRoundTrip() throws IOException {
        QuestionSet s = QuestionSet.load(file(OK));
        Path copy = dir.resolve("copy.jsonl");
        QuestionSet.write(copy, s.questions());
        assertThat(Files.readString(copy).strip()).isEqualTo(OK);
        assertThat(QuestionSet.load(copy).questions()).isEqualTo(s.questions());
    }
}
