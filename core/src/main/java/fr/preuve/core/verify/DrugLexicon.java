package fr.preuve.core.verify;

import fr.preuve.core.text.Folding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Drug names an answer mentions, and those its cited passages do not mention.
 *
 * <p>The shipped lexicon ({@code drugs.tsv} next to this class) lists French substance names from the BDPM and their
 * English INN spellings derived by {@link DrugNames} rules, confirmed or completed by real PubMed chemical lists; see
 * its header for sources and licences. Matching is on whole words, case- and accent-insensitive, longest name first
 * ({@code acide acétylsalicylique} before any one-word name); a French elision ({@code l'amoxicilline}) or a hyphen
 * separates words.
 */
public final class DrugLexicon {

    static final String RESOURCE = "drugs.tsv";

    private static final class Holder {
        static final DrugLexicon STANDARD = loadStandard();
    }

    /** Folded spelling, words separated by one space → canonical key. */
    private final Map<String, String> keys;
    private final int maxWords;
    private final int size;

    private DrugLexicon(Map<String, String> keys, int size) {
        this.keys = Map.copyOf(keys);
        this.maxWords = keys.keySet().stream().mapToInt(s -> s.split(" ").length).max().orElse(1);
        this.size = size;
    }

    /** The lexicon shipped with Preuve (loaded once from a resource). */
    public static DrugLexicon standard() {
        return Holder.STANDARD;
    }

    /** A lexicon read from {@code key<TAB>spelling|spelling...[<TAB>sources]} lines; {@code #} starts a comment. */
    static DrugLexicon read(Reader in) throws IOException {
        Map<String, String> keys = new HashMap<>();
        Set<String> distinct = new HashSet<>();
        BufferedReader r = new BufferedReader(in);
        int lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new IllegalArgumentException("drug lexicon line " + lineNo + ": expected key<TAB>spellings, got '"
                        + line + "'");
            }
            distinct.add(cols[0]);
            for (String spelling : cols[1].split("\\|")) {
                String previous = keys.put(spelling, cols[0]);
                if (previous != null && !previous.equals(cols[0])) {
                    throw new IllegalArgumentException("drug lexicon line " + lineNo + ": spelling '" + spelling
                            + "' has two keys, '" + previous + "' and '" + cols[0] + "'");
                }
            }
        }
        return new DrugLexicon(keys, distinct.size());
    }

    private static DrugLexicon loadStandard() {
        try (InputStream in = DrugLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + DrugLexicon.class);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Drug names mentioned in text; each with a canonical key shared by FR/EN variants (amoxicilline/amoxicillin). */
    public List<DrugMention> find(String text) {
        Objects.requireNonNull(text, "text");
        String folded = Folding.fold(text);
        List<int[]> words = words(folded);
        List<DrugMention> out = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int matched = 0;
            String key = null;
            for (int n = Math.min(maxWords, words.size() - i); n >= 1 && key == null; n--) {
                if (n > 1 && !spaced(folded, words, i, n)) {
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                for (int k = i; k < i + n; k++) {
                    if (k > i) {
                        sb.append(' ');
                    }
                    sb.append(folded, words.get(k)[0], words.get(k)[1]);
                }
                key = keys.get(sb.toString());
                matched = n;
            }
            if (key != null) {
                int start = words.get(i)[0];
                int end = words.get(i + matched - 1)[1];
                out.add(new DrugMention(text.substring(start, end), key, start, end));
                i += matched;
            } else {
                i++;
            }
        }
        return List.copyOf(out);
    }

    /** Drugs of {@code claim} whose canonical key is not mentioned in any of {@code evidence}. */
    public List<DrugMention> missing(String claim, List<String> evidence) {
        Objects.requireNonNull(evidence, "evidence");
        Set<String> known = new HashSet<>();
        for (String e : evidence) {
            for (DrugMention m : find(Objects.requireNonNull(e, "evidence text"))) {
                known.add(m.key());
            }
        }
        List<DrugMention> out = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (DrugMention m : find(claim)) {
            if (!known.contains(m.key()) && reported.add(m.key())) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** Number of distinct drugs (canonical keys). */
    public int size() {
        return size;
    }

    /** Every folded spelling of the drug {@code key} (French and English), sorted; empty for an unknown key. */
    public List<String> spellings(String key) {
        return keys.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).sorted().toList();
    }

    /** Whether {@code key} is a canonical key of this lexicon. */
    public boolean containsKey(String key) {
        return keys.containsValue(key);
    }

    /** Word spans {@code [start, end)} of folded text. */
    private static List<int[]> words(String folded) {
        List<int[]> out = new ArrayList<>();
        int n = folded.length();
        for (int i = 0; i < n; ) {
            if (!DrugNames.wordChar(folded.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && DrugNames.wordChar(folded.charAt(i))) {
                i++;
            }
            out.add(new int[] {s, i});
        }
        return out;
    }

    /** Whether the {@code n} words from {@code i} are separated by spaces or hyphens only (one name). */
    private static boolean spaced(String folded, List<int[]> words, int i, int n) {
        for (int k = i + 1; k < i + n; k++) {
            for (int p = words.get(k - 1)[1]; p < words.get(k)[0]; p++) {
                char c = folded.charAt(p);
                if (c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                    return false;
                }
            }
        }
        return true;
    }
}
