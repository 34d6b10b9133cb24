package fr.preuve.core.crosslingual;

import fr.preuve.core.text.Folding;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.DrugMention;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * The lexical French ↔ English concept bridge. Each word of the question, multi-word terms first, is rendered by the
 * first of: the curated {@link TermTable}; the drug lexicon (French and English spellings of a substance); the same
 * word when the target corpus has it (paracétamol, praziquantel); spelling rules ({@link Cognates}) whose result the
 * target corpus has; the closest target-corpus word by character trigrams. Stop-words and clinical framing ("je suis
 * pharmacien", "que recommande l'OMS") are left out.
 */
public final class ConceptBridge implements QueryBridge {

    /** Shortest word the identity, spelling-rule and n-gram steps try. */
    static final int MIN_GUESS_CHARS = 4;
    /** Trigram similarity a corpus word needs to stand for an untranslated one. */
    static final double MIN_NGRAM_SIMILARITY = 0.6;
    /** Shortest untranslated word reported as unknown to the corpus. */
    static final int MIN_UNKNOWN_CHARS = 5;
    private static final Pattern NUMBER = Pattern.compile("\\p{N}+(?:[.,]\\p{N}+)*");

    private final TermTable table;
    private final DrugLexicon drugs;
    private final Vocabulary vocabulary;
    private final Map<String, Set<String>> stopWords;

    public ConceptBridge(TermTable table, DrugLexicon drugs, Vocabulary vocabulary) {
        this.table = table;
        this.drugs = drugs;
        this.vocabulary = vocabulary;
        this.stopWords = Map.of("fr", stopWords("fr"), "en", stopWords("en"));
    }

    /** The shipped table and lexicon, checked against {@code vocabulary}. */
    public static ConceptBridge standard(Vocabulary vocabulary) {
        return new ConceptBridge(TermTable.standard(), DrugLexicon.standard(), vocabulary);
    }

    @Override
    public BridgedQuery bridge(String question, String from, String to) {
        if (from.equals(to)) {
            return new BridgedQuery(from, to, List.of());
        }
        List<Words.Word> words = Words.of(question, from);
        List<String> keys = new ArrayList<>(words.size());
        List<String> folded = new ArrayList<>(words.size());
        for (Words.Word w : words) {
            keys.add(Words.key(w.text(), from));
            folded.add(w.folded());
        }
        Map<Integer, DrugMention> drugAt = new HashMap<>();
        for (DrugMention m : drugs.find(question)) {
            drugAt.put(m.start(), m);
        }
        Set<String> stop = stopWords.get(from);
        List<Concept> concepts = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < words.size(); ) {
            Words.Word w = words.get(i);
            DrugMention drug = drugAt.get(w.start());
            if (drug != null) {
                int n = wordsIn(words, i, drug.end());
                add(concepts, seen, new Concept(drug.text(), drugSpellings(drug, to), Origin.DRUG_LEXICON, "drug"));
                i += n;
                continue;
            }
            Optional<TermTable.Match> match = table.longest(keys, folded, i, from);
            if (match.isPresent() && !(match.get().words() == 1 && stop.contains(folded.get(i)))) {
                TermTable.Entry e = match.get().entry();
                Words.Word last = words.get(i + match.get().words() - 1);
                List<String> renderings = new ArrayList<>(e.side(to));
                if (match.get().words() == 1 && renderings.stream().allMatch(r -> vocabulary.docFreq(to, r) == 0)) {
                    // the corpus words it otherwise ("clavicle" never written, "clavicular" is)
                    guess(w.text(), folded.get(i), to).ifPresent(g -> renderings.addAll(g.alternatives()));
                }
                add(concepts, seen, new Concept(question.substring(w.start(), last.end()), renderings,
                        Origin.TERM_TABLE, e.category()));
                i += match.get().words();
                continue;
            }
            i++;
            String f = folded.get(i - 1);
            if (stop.contains(f) || stop.contains(keys.get(i - 1))) {
                continue;
            }
            if (NUMBER.matcher(w.text()).matches()) {
                add(concepts, seen, new Concept(w.text(), List.of(w.text().replace(',', '.')), Origin.NUMBER, "dosing"));
                continue;
            }
            Optional<Concept> guessed = guess(w.text(), f, to);
            if (guessed.isPresent()) {
                add(concepts, seen, guessed.get());
            } else if (f.length() >= MIN_UNKNOWN_CHARS && vocabulary.docFreq(from, w.text()) == 0) {
                unknown.add(w.text());
            }
        }
        return new BridgedQuery(from, to, concepts, unknown);
    }

    /** Identity, spelling rules, then trigrams, each checked against the target corpus. */
    private Optional<Concept> guess(String text, String folded, String to) {
        if (folded.length() < MIN_GUESS_CHARS) {
            return Optional.empty();
        }
        if (vocabulary.docFreq(to, folded) > 0) {
            return Optional.of(new Concept(text, List.of(folded), Origin.IDENTICAL, "general"));
        }
        List<String> rules = "en".equals(to) ? Cognates.toEnglish(folded) : Cognates.toFrench(folded);
        Set<String> found = new LinkedHashSet<>();
        for (String candidate : rules) {
            if (vocabulary.docFreq(to, candidate) > 0) {
                found.add(candidate);
            }
        }
        if (!found.isEmpty()) {
            return Optional.of(new Concept(text, List.copyOf(found), Origin.COGNATE, "general"));
        }
        return vocabulary.closest(to, folded, MIN_NGRAM_SIMILARITY)
                .map(s -> new Concept(text, List.of(s.term()), Origin.NGRAM, "general"));
    }

    private List<String> drugSpellings(DrugMention drug, String to) {
        List<String> all = new ArrayList<>(drugs.spellings(drug.key()));
        String written = Folding.fold(drug.text());
        all.remove(written);
        all.add(0, written);
        // the target language's spellings first: an English spelling differs from the French one by its ending
        List<String> known = all.stream().filter(s -> vocabulary.docFreq(to, s) > 0).toList();
        List<String> out = new ArrayList<>(known);
        all.stream().filter(s -> !known.contains(s)).forEach(out::add);
        return out;
    }

    private static void add(List<Concept> concepts, Set<String> seen, Concept c) {
        if (seen.add(String.join("|", c.alternatives()))) {
            concepts.add(c);
        }
    }

    private static int wordsIn(List<Words.Word> words, int from, int end) {
        int n = 0;
        while (from + n < words.size() && words.get(from + n).start() < end) {
            n++;
        }
        return Math.max(1, n);
    }

    private static Set<String> stopWords(String lang) {
        Set<String> out = new HashSet<>();
        CharArraySet lucene = "fr".equals(lang) ? FrenchAnalyzer.getDefaultStopSet()
                : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        for (Object o : lucene) {
            out.add(Folding.fold(new String((char[]) o)));
        }
        String resource = "framing-" + lang + ".txt";
        try (InputStream in = ConceptBridge.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + ConceptBridge.class);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    out.add(Folding.fold(w));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Set.copyOf(out);
    }
}
