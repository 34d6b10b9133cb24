package fr.preuve.eval.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One human support judgement: does the evidence support the claim? One line of a support JSONL file (format:
 * {@code eval/datasets/README.md}).
 *
 * @param id            unique in its file
 * @param claim         the statement judged (an answer, or one sentence of an answer)
 * @param evidence      the passage texts the claim was judged against; may be empty (a claim citing nothing)
 * @param label         supported or not supported
 * @param source        where the judgement comes from: dataset, file and item ({@code medhallu:pqa_labeled/dev#12})
 * @param originalLabel the source dataset's own label before mapping ({@code Partial}), or {@code null}
 */
public record SupportJudgement(String id, String claim, List<String> evidence, SupportLabel label, String source,
                               String originalLabel) {

    static final Set<String> FIELDS = new LinkedHashSet<>(
            List.of("id", "claim", "evidence", "label", "source", "original_label"));

    public SupportJudgement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        evidence = List.copyOf(evidence);
    }

    static SupportJudgement parse(Jsonl.Line l) {
        l.onlyFields(FIELDS);
        String id = l.id("id");
        String claim = l.requiredString("claim");
        List<String> evidence = l.strings("evidence", true);
        String rawLabel = l.requiredString("label");
        SupportLabel label = SupportLabel.fromKey(rawLabel);
        if (label == null) {
            throw l.error("label", "expected " + SupportLabel.keys() + ", got '" + rawLabel + "'");
        }
        String source = l.requiredString("source");
        String original = l.optionalString("original_label");
        return new SupportJudgement(id, claim, evidence, label, source, original);
    }

    /** This judgement as one JSON object, fields in the documented order. */
    public ObjectNode toJson() {
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("claim", claim);
        var ev = o.putArray("evidence");
        evidence.forEach(ev::add);
        o.put("label", label.key());
        o.put("source", source);
        if (originalLabel != null) {
            o.put("original_label", originalLabel);
        }
        return o;
    }
}
