package fr.preuve.core.crosslingual;

import fr.preuve.core.text.Folding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * French word form → lemma, from LanguageTool's French part-of-speech dictionary (Morfologik binary,
 * {@code org.languagetool:french-pos-dict}, CC BY-SA 4.0). Nouns are preferred over adjectives over verbs
 * ("enceintes" → "enceinte", "traité" → "traité", "insuffisances" → "insuffisance"); a word the dictionary lacks is its
 * own lemma. Results are folded (lower case, no accents). Thread-safe.
 */
public final class FrenchLemmatizer {

    static final String DICTIONARY = "/org/languagetool/resource/fr/french.dict";
    /** Lemmas remembered; questions reuse a small vocabulary. */
    private static final int CACHE_LIMIT = 50_000;

    private static final class Holder {
        static final FrenchLemmatizer STANDARD = new FrenchLemmatizer();
    }

    private final morfologik.stemming.Dictionary dictionary;
    private final ThreadLocal<DictionaryLookup> lookup;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private FrenchLemmatizer() {
        URL url = FrenchLemmatizer.class.getResource(DICTIONARY);
        if (url == null) {
            throw new IllegalStateException("the French dictionary " + DICTIONARY + " is not on the class path "
                    + "(org.languagetool:french-pos-dict)");
        }
        try {
            dictionary = morfologik.stemming.Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DICTIONARY, e);
        }
        lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
    }

    /** The shared instance (the dictionary is read once). */
    public static FrenchLemmatizer standard() {
        return Holder.STANDARD;
    }

    /** The folded lemma of one word ({@code "rénales"} → {@code "renal"}). */
    public String lemma(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String cached = cache.get(lower);
        if (cached != null) {
            return cached;
        }
        String lemma = Folding.fold(best(lookup.get().lookup(lower), lower));
        if (cache.size() < CACHE_LIMIT) {
            cache.put(lower, lemma);
        }
        return lemma;
    }

    /** Whether the dictionary knows {@code word} as a French form, as written or in lower case. */
    public boolean known(String word) {
        DictionaryLookup l = lookup.get();
        return !l.lookup(word).isEmpty() || !l.lookup(word.toLowerCase(Locale.ROOT)).isEmpty();
    }

    private static String best(List<WordData> entries, String word) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (WordData d : entries) {
            CharSequence tag = d.getTag();
            CharSequence stem = d.getStem();
            if (stem == null || stem.isEmpty()) {
                continue;
            }
            int rank = rank(tag == null ? "" : tag.toString());
            if (rank < bestRank) {
                bestRank = rank;
                best = stem.toString();
            }
        }
        return best == null ? word : best.toLowerCase(Locale.ROOT);
    }

    /** Nouns first, then adjectives, past participles, other verb forms, anything else. */
    private static int rank(String tag) {
        if (tag.startsWith("N")) {
            return 0;
        }
        if (tag.startsWith("J")) {
            return 1;
        }
        if (tag.startsWith("V ppa")) {
            return 2;
        }
        if (tag.startsWith("V")) {
            return 3;
        }
        return 4;
    }
}
