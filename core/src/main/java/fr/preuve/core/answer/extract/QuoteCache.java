package fr.preuve.core.answer.extract;

import fr.preuve.core.doc.Passage;
import fr.preuve.core.index.IndexSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The quotable units of passages, split, shaped and analysed once per passage text and kept for the next questions
 * (a bounded least-recently-used map): an ask spends its time scoring, not splitting and analysing.
 */
public final class QuoteCache {

    private final BiFunction<String, String, Set<String>> analyzer;
    private final Map<String, List<PreparedQuote>> cache;

    /**
     * @param analyzer the index analysis, {@code (field, text) -> terms}
     * @param capacity passages kept
     */
    public QuoteCache(BiFunction<String, String, Set<String>> analyzer, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("quote cache capacity must be at least 1, got " + capacity);
        }
        this.analyzer = analyzer;
        this.cache = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<PreparedQuote>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The prepared units of {@code p}. */
    public List<PreparedQuote> of(Passage p) {
        String key = p.id() + '\u0000' + p.text().hashCode();
        synchronized (cache) {
            List<PreparedQuote> hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        List<PreparedQuote> prepared = prepare(p);
        synchronized (cache) {
            cache.put(key, prepared);
        }
        return prepared;
    }

    private List<PreparedQuote> prepare(Passage p) {
        String field = IndexSchema.textField(p.language());
        List<PreparedQuote> out = new ArrayList<>();
        for (Quote q : Quotes.of(p.text(), p.section())) {
            out.add(new PreparedQuote(q, analyzer.apply(field, q.text()), SectionPrior.of(p.section(), q.text())));
        }
        return List.copyOf(out);
    }
}
