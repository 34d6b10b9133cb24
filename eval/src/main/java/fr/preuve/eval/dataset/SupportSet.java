package fr.preuve.eval.dataset;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A support-judgements file ({@code eval/datasets/support/*.jsonl}), loaded and checked; used to calibrate the
 * support judge (precision, recall, F1).
 *
 * @param file      where it was read from
 * @param items     in file order
 */
public record SupportSet(Path file, List<SupportJudgement> items) {

    public SupportSet {
        items = List.copyOf(items);
    }

    /** Reads and validates a support JSONL file; errors name the file, line and field. */
    public static SupportSet load(Path file) {
        Map<String, Integer> seen = new HashMap<>();
        List<SupportJudgement> items = Jsonl.read(file, line -> {
            SupportJudgement j = SupportJudgement.parse(line);
            Integer first = seen.putIfAbsent(j.id(), line.line);
            if (first != null) {
                throw line.error("id", "duplicate id '" + j.id() + "' (first on line " + first + ")");
            }
            return j;
        });
        return new SupportSet(file, items);
    }

    /** The first {@code n} judgements (all when there are fewer), for a quick slice of a long set. */
    public SupportSet first(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a slice needs at least 1 judgement, got " + n);
        }
        return new SupportSet(file, items.subList(0, Math.min(n, items.size())));
    }

    public int size() {
        return items.size();
    }

    /** How many judgements carry each label (both labels present, possibly 0). */
    public Map<SupportLabel, Integer> countByLabel() {
        Map<SupportLabel, Integer> m = new EnumMap<>(SupportLabel.class);
        for (SupportLabel l : SupportLabel.values()) {
            m.put(l, 0);
        }
        items.forEach(j -> m.merge(j.label(), 1, Integer::sum));
        return m;
    }

    /** Writes judgements as JSONL, one per line, fields in the documented order. */
    public static void write(Path file, List<SupportJudgement> items) {
        Jsonl.write(file, items.stream().map(SupportJudgement::toJson).toList());
    }
}
