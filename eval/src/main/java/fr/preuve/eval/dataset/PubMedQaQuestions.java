package fr.preuve.eval.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.SourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code eval/datasets/pubmedqa-demo.jsonl}: the 500 questions of the official PubMedQA test split
 * ({@code pubmedqa/test_ground_truth.json}) over the demo corpus's PubMedQA abstracts ({@code ori_pqal.json}).
 * Each question: id {@code pubmedqa-<PMID>}, the QUESTION, lang en, gold document {@code pubmed:<PMID>}, gold text
 * the LONG_ANSWER (the abstract's conclusion), no key facts (see {@code eval/datasets/README.md}). Questions are in
 * the order of the test split file.
 *
 * <p>Run from the repository root: {@code java -cp ... fr.preuve.eval.dataset.PubMedQaQuestions} (defaults to the
 * repository paths), or with {@code <ori_pqal.json> <test_ground_truth.json> <output.jsonl>}.
 */
public final class PubMedQaQuestions {

    private PubMedQaQuestions() {
    }

    public static List<Question> build(Path oriPqal, Path testSplit) throws IOException {
        JsonNode all = Jsonl.MAPPER.readTree(oriPqal.toFile());
        JsonNode split = Jsonl.MAPPER.readTree(testSplit.toFile());
        List<Question> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = split.properties().iterator();
        while (it.hasNext()) {
            String pmid = it.next().getKey();
            JsonNode item = all.get(pmid);
            if (item == null) {
                throw new DatasetException(testSplit.toString(), 0, pmid, "PMID not in " + oriPqal.getFileName());
            }
            String question = Jsonl.normalizeSpaces(item.path("QUESTION").asText(""));
            String longAnswer = Jsonl.normalizeSpaces(item.path("LONG_ANSWER").asText(""));
            if (question.isEmpty() || longAnswer.isEmpty()) {
                throw new DatasetException(oriPqal.toString(), 0, pmid, "QUESTION or LONG_ANSWER is empty");
            }
            out.add(new Question("pubmedqa-" + pmid, question, "en", List.of(DocumentId.of(SourceKind.PUBMED, pmid)),
                    longAnswer, List.of(), false));
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path ori = Path.of(args.length > 0 ? args[0] : "corpus-config/demo/pubmedqa/ori_pqal.json");
        Path split = Path.of(args.length > 1 ? args[1] : "eval/datasets/pubmedqa/test_ground_truth.json");
        Path out = Path.of(args.length > 2 ? args[2] : "eval/datasets/pubmedqa-demo.jsonl");
        List<Question> qs = build(ori, split);
        QuestionSet.write(out, qs);
        System.out.println(qs.size() + " questions written to " + out);
    }
}
