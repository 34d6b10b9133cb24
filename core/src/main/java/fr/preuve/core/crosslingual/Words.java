package fr.preuve.core.crosslingual;

import fr.preuve.core.text.Folding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Words of a question and their matching keys: French words by lemma ({@link FrenchLemmatizer}), English words by
 * Porter stem; both folded. French elisions ({@code l'}, {@code d'}, {@code qu'}...) are dropped; hyphens and
 * apostrophes separate words.
 */
final class Words {

    /** A word as written, where it starts and ends in the question. */
    record Word(String text, int start, int end) {
        String folded() {
            return Folding.fold(text);
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,][\\p{N}]+)*");
    private static final java.util.Set<String> ELIDED = java.util.Set.of("l", "d", "j", "m", "n", "s", "t", "c", "qu",
            "jusqu", "lorsqu", "puisqu");
    private static final Analyzer ENGLISH_STEMS = new EnglishAnalyzer(CharArraySet.EMPTY_SET);
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    private static final int STEM_CACHE = 50_000;

    private Words() {
    }

    /** The words of {@code text}; in French, elided articles and pronouns before an apostrophe are left out. */
    static List<Word> of(String text, String lang) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            boolean elided = m.end() < text.length() && (text.charAt(m.end()) == '\'' || text.charAt(m.end()) == '’')
                    && ELIDED.contains(w.toLowerCase(Locale.ROOT));
            if ("fr".equals(lang) && elided) {
                continue;
            }
            out.add(new Word(w, m.start(), m.end()));
        }
        return out;
    }

    /** The matching key of a word: folded lemma in French, folded Porter stem in English. */
    static String key(String word, String lang) {
        return "fr".equals(lang) ? FrenchLemmatizer.standard().lemma(word) : englishStem(word);
    }

    /** The keys of every word of a multi-word term, joined by single spaces. */
    static String termKey(String term, String lang) {
        StringBuilder sb = new StringBuilder();
        for (Word w : of(term, lang)) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(key(w.text(), lang));
        }
        return sb.toString();
    }

    /** The folded Porter stem of one English word ({@code "infections"} → {@code "infect"}). */
    static String englishStem(String word) {
        String lower = Folding.fold(word);
        String cached = STEMS.get(lower);
        if (cached != null) {
            return cached;
        }
        String stem = lower;
        try (TokenStream ts = ENGLISH_STEMS.tokenStream("w", lower)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            if (ts.incrementToken()) {
                stem = t.toString();
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (STEMS.size() < STEM_CACHE) {
            STEMS.put(lower, stem);
        }
        return stem;
    }
}
