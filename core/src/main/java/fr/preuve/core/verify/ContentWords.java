package fr.preuve.core.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The content words of a text for lexical support: lower-cased, French elisions and English possessives removed,
 * French and English stop words removed, accents folded, stemmed (Porter for English, Lucene's light stemmer for
 * French). One-letter tokens are dropped; numbers are kept (a dose or a percentage is content).
 */
public final class ContentWords {

    /** Function words and hedges of answer prose in both languages, on top of Lucene's French and English lists. */
    private static final List<String> EXTRA_STOP_WORDS = List.of(
            "also", "am", "were", "been", "being", "having", "can", "could", "did", "do", "does", "from", "had", "has", "have", "however",
            "its", "may", "might", "more", "most", "must", "other", "our", "over", "should", "so", "some", "than",
            "these", "those", "through", "thus", "very", "we", "what", "when", "where", "which", "while", "who", "whom",
            "why", "would", "you", "your", "i", "he", "she", "him", "her", "his", "us", "them", "about", "after",
            "before", "both", "each", "further", "here", "how", "all", "any", "only", "own", "same", "too", "until",
            "up", "down", "out", "off", "again", "once", "between", "during", "above", "below", "under", "within",
            "without", "because", "whether", "although", "though", "therefore", "hence",
            "aussi", "ainsi", "alors", "après", "avant", "avoir", "cela", "ceci", "celui", "celle", "ceux", "chez",
            "comme", "dont", "donc", "encore", "entre", "être", "fait", "leur", "leurs", "lors", "mais", "même",
            "peut", "peuvent", "plus", "pour", "quand", "sans", "selon", "sont", "tous", "tout", "toute", "toutes",
            "très", "doit", "doivent", "été", "était", "ont", "sera", "seront");

    private static final CharArraySet STOP_WORDS = stopWords();

    private static final Analyzer ENGLISH = analyzer(false);
    private static final Analyzer FRENCH = analyzer(true);

    private ContentWords() {
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(FrenchAnalyzer.getDefaultStopSet());
        set.addAll(EXTRA_STOP_WORDS);
        return CharArraySet.unmodifiableSet(set);
    }

    private static Analyzer analyzer(boolean french) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream t = new LowerCaseFilter(source);
                t = new ElisionFilter(t, FrenchAnalyzer.DEFAULT_ARTICLES);
                t = new EnglishPossessiveFilter(t);
                t = new StopFilter(t, STOP_WORDS);
                t = new ASCIIFoldingFilter(t);
                t = french ? new FrenchLightStemFilter(t) : new PorterStemFilter(t);
                return new TokenStreamComponents(source, t);
            }
        };
    }

    /** The distinct content-word stems of {@code text}, in order of first occurrence; {@code lang} is fr or en. */
    public static Set<String> of(String text, String lang) {
        Analyzer a = "fr".equals(lang) ? FRENCH : ENGLISH;
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = a.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (w.length() > 1 || Character.isDigit(w.charAt(0))) {
                    out.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse text", e); // in-memory text: never happens
        }
        return out;
    }
}
