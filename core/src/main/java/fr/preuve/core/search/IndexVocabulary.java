package fr.preuve.core.search;

import fr.preuve.core.crosslingual.Vocabulary;
import fr.preuve.core.index.IndexSchema;
import fr.preuve.core.index.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The {@link Vocabulary} of a Preuve index: words are analysed as the index analyses each language's text field, and
 * looked up in that field's term dictionary (document frequencies count passages and document entries alike).
 */
public final class IndexVocabulary implements Vocabulary {

    /** Characters a candidate must share with the word's start before trigrams are compared. */
    static final int PREFIX_CHARS = 4;
    /** Terms compared at most per look-up. */
    static final int MAX_CANDIDATES = 5_000;

    private final PassageIndex index;
    private final HybridSearcher analysis;

    public IndexVocabulary(PassageIndex index, HybridSearcher analysis) {
        this.index = index;
        this.analysis = analysis;
    }

    @Override
    public long docFreq(String lang, String word) {
        String field = IndexSchema.textField(lang);
        List<String> terms = List.copyOf(analysis.terms(field, word));
        if (terms.isEmpty()) {
            return 0;
        }
        return index.withSearcher(s -> {
            try {
                long min = Long.MAX_VALUE;
                for (String t : terms) {
                    min = Math.min(min, s.getIndexReader().docFreq(new Term(field, t)));
                }
                return min;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Optional<Similar> closest(String lang, String word, double minSimilarity) {
        String field = IndexSchema.textField(lang);
        List<String> analysed = List.copyOf(analysis.terms(field, word));
        if (analysed.size() != 1 || analysed.get(0).length() < PREFIX_CHARS) {
            return Optional.empty();
        }
        String target = analysed.get(0);
        Set<String> grams = trigrams(target);
        String prefix = target.substring(0, PREFIX_CHARS);
        return index.withSearcher(s -> {
            try {
                Terms terms = MultiTerms.getTerms(s.getIndexReader(), field);
                if (terms == null) {
                    return Optional.empty();
                }
                TermsEnum te = terms.iterator();
                if (te.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
                    return Optional.empty();
                }
                Similar best = null;
                int seen = 0;
                for (BytesRef t = te.term(); t != null && seen < MAX_CANDIDATES; t = te.next(), seen++) {
                    String term = t.utf8ToString();
                    if (!term.startsWith(prefix)) {
                        break;
                    }
                    double sim = dice(grams, trigrams(term));
                    if (sim >= minSimilarity && (best == null || sim > best.similarity())) {
                        best = new Similar(term, sim);
                    }
                }
                return Optional.ofNullable(best);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Character trigrams of {@code #word#}. */
    static Set<String> trigrams(String word) {
        String w = "#" + word + "#";
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= w.length(); i++) {
            out.add(w.substring(i, i + 3));
        }
        return out;
    }

    static double dice(Set<String> a, Set<String> b) {
        int common = 0;
        for (String g : a) {
            if (b.contains(g)) {
                common++;
            }
        }
        return a.isEmpty() && b.isEmpty() ? 0 : 2.0 * common / (a.size() + b.size());
    }
}
