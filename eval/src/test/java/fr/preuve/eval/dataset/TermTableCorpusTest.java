package fr.preuve.eval.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.crosslingual.FrenchLemmatizer;
import fr.preuve.core.crosslingual.TermTable;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bilingual term table (core {@code crosslingual/terms-fr-en.tsv}) is checked against the demo corpus, as its
 * README states: every English variant occurs in the English text of the corpus (WHO, PubMed, the abstracts' MeSH
 * headings; a plural or singular form counts) or is a MeSH heading of an abstract; every French variant occurs in the French text (HAS) or is made
 * of words the French dictionary knows.
 */
class TermTableCorpusTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static Words english;
    private static Words french;
    private static final Set<String> MESH = new HashSet<>();

    /** The words of a text in order, with each word's positions, for phrase look-ups. */
    static final class Words {
        final List<String> tokens = new ArrayList<>();
        final Map<String, List<Integer>> positions = new HashMap<>();

        void add(String text) {
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                positions.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(tokens.size());
                tokens.add(m.group());
            }
            tokens.add(""); // documents do not run into each other
        }

        boolean containsPhrase(List<String> words) {
            if (words.isEmpty()) {
                return false;
            }
            for (int p : positions.getOrDefault(words.get(0), List.of())) {
                int i = 1;
                while (i < words.size() && p + i < tokens.size() && tokens.get(p + i).equals(words.get(i))) {
                    i++;
                }
                if (i == words.size()) {
                    return true;
                }
            }
            return false;
        }

        /** The phrase, or its last word with an added "s"/"es" or without its final "s". */
        boolean containsForm(String phrase) {
            List<String> w = words(phrase);
            if (w.isEmpty()) {
                return false;
            }
            String last = w.get(w.size() - 1);
            List<String> forms = new ArrayList<>(List.of(last, last + "s", last + "es"));
            if (last.endsWith("s") && last.length() > 1) {
                forms.add(last.substring(0, last.length() - 1));
            }
            for (String f : forms) {
                List<String> candidate = new ArrayList<>(w.subList(0, w.size() - 1));
                candidate.add(f);
                if (containsPhrase(candidate)) {
                    return true;
                }
            }
            return false;
        }
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @BeforeAll
    static void readCorpus() {
        english = new Words();
        french = new Words();
        for (SourceDocument d : Repo.demoDocuments().documents().values()) {
            String text = CorpusDocuments.searchableText(d);
            if (d.id().source() == SourceKind.HAS) {
                french.add(text);
            } else {
                english.add(text);
            }
            String mesh = d.metadata().get("mesh");
            if (mesh != null) {
                for (String h : mesh.split(";")) {
                    MESH.add(h.strip().toLowerCase(Locale.ROOT));
                    english.add(h); // a heading's words count as English text too ("Papillomavirus Infections")
                }
            }
        }
    }

    @Test
    void everyEnglishVariantIsCorpusTextOrAMeshHeading() {
        List<String> problems = new ArrayList<>();
        for (TermTable.Entry e : TermTable.standard().entries()) {
            for (String v : e.english()) {
                if (!MESH.contains(v.toLowerCase(Locale.ROOT)) && !english.containsForm(v)) {
                    problems.add("line " + e.line() + ": '" + v + "'");
                }
            }
        }
        assertThat(problems).as("English variants found neither in the English corpus text nor among MeSH headings")
                .isEmpty();
    }

    @Test
    void everyFrenchVariantIsCorpusTextOrFrenchWords() {
        FrenchLemmatizer dictionary = FrenchLemmatizer.standard();
        List<String> problems = new ArrayList<>();
        for (TermTable.Entry e : TermTable.standard().entries()) {
            for (String v : e.french()) {
                if (french.containsForm(v)) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                for (String p : v.split("[\\s\\-'’]+")) {
                    if (!p.isEmpty() && !p.equalsIgnoreCase("l") && !p.equalsIgnoreCase("d")) {
                        parts.add(p);
                    }
                }
                if (parts.isEmpty() || !parts.stream().allMatch(dictionary::known)) {
                    problems.add("line " + e.line() + ": '" + v + "'");
                }
            }
        }
        assertThat(problems).as("French variants neither in the French corpus text nor made of dictionary words")
                .isEmpty();
    }
}
