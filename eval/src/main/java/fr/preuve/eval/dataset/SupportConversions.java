package fr.preuve.eval.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts public support-judgement data to Preuve's support JSONL ({@code eval/datasets/support/}); the mapping
 * rules are documented in {@code eval/datasets/README.md}.
 *
 * <ul>
 *   <li>MedHallu ({@code medhallu_pqa_labeled.dev.jsonl}): each row gives two judgements over its Knowledge
 *       passages: the Ground Truth answer, supported, and the Hallucinated Answer, not supported.</li>
 *   <li>ExpertQA medicine ({@code medicine_val.jsonl}): one judgement per annotated claim; Complete → supported;
 *       Partial, Incomplete and Missing → not supported; N/A and unlabelled claims are skipped. Evidence = the text of
 *       the cited passages with their "[n] URL" header removed; claims whose cited evidence is only a URL (the page
 *       text the annotator read is not in the data) are skipped.</li>
 * </ul>
 *
 * <p>Run from the repository root: {@code java -cp ... fr.preuve.eval.dataset.SupportConversions [shared data dir]}
 * (default {@code /work/shared/data}); writes both files and prints counts.
 */
public final class SupportConversions {

    /** "[1] https://example.org/page" at the start of an evidence string, then the passage text. */
    private static final Pattern EVIDENCE_HEADER = Pattern.compile("\\A\\s*\\[\\d+\\]\\s*(\\S+)\\s*");

    private SupportConversions() {
    }

    /** What a conversion produced and what it skipped, by reason. */
    public record Result(List<SupportJudgement> items, Map<String, Integer> skipped) {
    }

    public static Result medHallu(Path jsonl) throws IOException {
        List<SupportJudgement> out = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        int row = 0;
        for (JsonNode r : rows(jsonl)) {
            row++;
            List<String> evidence = distinct(r.path("Knowledge"));
            String truth = Jsonl.normalizeSpaces(r.path("Ground Truth").asText(""));
            String hallucinated = Jsonl.normalizeSpaces(r.path("Hallucinated Answer").asText(""));
            if (evidence.isEmpty() || truth.isEmpty() || hallucinated.isEmpty()) {
                skipped.merge("row without knowledge, ground truth or hallucinated answer", 1, Integer::sum);
                continue;
            }
            String src = "medhallu:pqa_labeled/dev#" + row;
            out.add(new SupportJudgement(String.format("medhallu-dev-%04d-truth", row), truth, evidence,
                    SupportLabel.SUPPORTED, src + " Ground Truth", "Ground Truth"));
            String category = r.path("Category of Hallucination").asText("").strip();
            String difficulty = r.path("Difficulty Level").asText("").strip();
            out.add(new SupportJudgement(String.format("medhallu-dev-%04d-hallucinated", row), hallucinated, evidence,
                    SupportLabel.NOT_SUPPORTED, src + " Hallucinated Answer (" + difficulty + ")",
                    category.isEmpty() ? "Hallucinated" : "Hallucinated: " + category));
        }
        return new Result(out, skipped);
    }

    public static Result expertQa(Path jsonl) throws IOException {
        List<SupportJudgement> out = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        int row = 0;
        for (JsonNode r : rows(jsonl)) {
            row++;
            var systems = r.path("answers").properties().iterator();
            while (systems.hasNext()) {
                var e = systems.next();
                String system = e.getKey();
                int claimNo = 0;
                for (JsonNode c : e.getValue().path("claims")) {
                    claimNo++;
                    String support = c.path("support").isTextual() ? c.path("support").asText() : null;
                    String claim = Jsonl.normalizeSpaces(c.path("claim_string").asText(""));
                    SupportLabel label = support == null ? null : switch (support) {
                        case "Complete" -> SupportLabel.SUPPORTED;
                        case "Partial", "Incomplete", "Missing" -> SupportLabel.NOT_SUPPORTED;
                        default -> null;
                    };
                    if (label == null) {
                        skipped.merge("support label " + (support == null ? "absent" : "'" + support + "'"), 1, Integer::sum);
                        continue;
                    }
                    if (claim.isEmpty()) {
                        skipped.merge("empty claim", 1, Integer::sum);
                        continue;
                    }
                    List<String> evidence = new ArrayList<>();
                    int cited = 0;
                    for (JsonNode ev : c.path("evidence")) {
                        cited++;
                        String text = passageText(ev.asText(""));
                        if (!text.isEmpty() && !evidence.contains(text)) {
                            evidence.add(text);
                        }
                    }
                    if (cited > 0 && evidence.isEmpty()) {
                        skipped.merge("evidence is a URL only (" + support + ")", 1, Integer::sum);
                        continue;
                    }
                    out.add(new SupportJudgement(String.format("expertqa-med-val-%03d-%s-%d", row, system, claimNo),
                            claim, evidence, label, "expertqa:domain_val (medicine)#" + row + " " + system
                            + " claim " + claimNo, support));
                }
            }
        }
        return new Result(out, skipped);
    }

    /** The passage of an ExpertQA evidence string, without its "[n] URL" header; empty when there is no text. */
    static String passageText(String evidence) {
        String s = evidence;
        Matcher m = EVIDENCE_HEADER.matcher(s);
        if (m.find()) {
            s = s.substring(m.end());
        }
        return Jsonl.normalizeSpaces(s);
    }

    private static List<String> distinct(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode n : array) {
            String t = Jsonl.normalizeSpaces(n.asText(""));
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static List<JsonNode> rows(Path jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(Jsonl.MAPPER.readTree(line));
                }
            }
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "/work/shared/data");
        Path outDir = Path.of(args.length > 1 ? args[1] : "eval/datasets/support");
        write("MedHallu", medHallu(shared.resolve("medhallu/medhallu_pqa_labeled.dev.jsonl")),
                outDir.resolve("medhallu-dev.jsonl"));
        write("ExpertQA medicine", expertQa(shared.resolve("expertqa-medicine/medicine_val.jsonl")),
                outDir.resolve("expertqa-medicine-dev.jsonl"));
    }

    private static void write(String name, Result r, Path out) {
        SupportSet.write(out, r.items());
        Map<String, Integer> byLabel = new TreeMap<>();
        Map<String, Integer> byOriginal = new TreeMap<>();
        for (SupportJudgement j : r.items()) {
            byLabel.merge(j.label().key(), 1, Integer::sum);
            byOriginal.merge(j.label().key() + " <- " + j.originalLabel().replaceAll(":.*", ""), 1, Integer::sum);
        }
        System.out.println(name + ": " + r.items().size() + " judgements " + byLabel + " " + byOriginal
                + " -> " + out + "; skipped " + r.skipped());
    }
}
