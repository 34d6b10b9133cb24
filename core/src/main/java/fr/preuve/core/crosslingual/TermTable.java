package fr.preuve.core.crosslingual;

import fr.preuve.core.text.Folding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The curated bilingual medical term table ({@code terms-fr-en.tsv}, format and provenance in the README beside it):
 * French variants, English variants and a category per concept, looked up by the keys of {@link Words} (French lemmas,
 * English stems) so that inflected and plural forms match; multi-word terms are matched longest first.
 */
public final class TermTable {

    static final String RESOURCE = "terms-fr-en.tsv";
    static final Set<String> CATEGORIES = Set.of("disease", "symptom", "anatomy", "population", "drug-class", "drug",
            "procedure", "test", "dosing", "time", "setting", "outcome", "general");

    /** One line of the table. */
    public record Entry(List<String> french, List<String> english, String category, int line) {
        /** The variants in {@code lang}. */
        public List<String> side(String lang) {
            return "fr".equals(lang) ? french : english;
        }
    }

    private static final class Holder {
        static final TermTable STANDARD = loadStandard();
    }

    private final List<Entry> entries;
    private final Map<String, Entry> french;
    private final Map<String, Entry> english;
    private final int maxWords;

    private TermTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Entry> fr = new HashMap<>();
        Map<String, Entry> en = new HashMap<>();
        int max = 1;
        for (Entry e : entries) {
            for (String v : e.french()) {
                String k = Words.termKey(v, "fr");
                fr.putIfAbsent(k, e);
                fr.putIfAbsent(Folding.fold(v).replaceAll("[-'’\\s]+", " "), e);
                max = Math.max(max, k.split(" ").length);
            }
            for (String v : e.english()) {
                String k = Words.termKey(v, "en");
                en.putIfAbsent(k, e);
                max = Math.max(max, k.split(" ").length);
            }
        }
        this.french = Map.copyOf(fr);
        this.english = Map.copyOf(en);
        this.maxWords = max;
    }

    /** The table shipped with Preuve. */
    public static TermTable standard() {
        return Holder.STANDARD;
    }

    /** Reads {@code french|variants<TAB>english|variants<TAB>category} lines; {@code #} starts a comment. */
    public static TermTable read(Reader in, String name) throws IOException {
        BufferedReader r = new BufferedReader(in);
        List<Entry> entries = new java.util.ArrayList<>();
        int lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 3) {
                throw new IllegalArgumentException(name + ", line " + lineNo + ": expected 3 tab-separated columns "
                        + "(french, english, category), got " + cols.length + ": '" + line + "'");
            }
            List<String> fr = variants(cols[0]);
            List<String> en = variants(cols[1]);
            String category = cols[2].strip();
            if (fr.isEmpty() || en.isEmpty()) {
                throw new IllegalArgumentException(name + ", line " + lineNo + ": empty French or English side: '"
                        + line + "'");
            }
            if (!CATEGORIES.contains(category)) {
                throw new IllegalArgumentException(name + ", line " + lineNo + ": unknown category '" + category
                        + "'; expected one of " + new java.util.TreeSet<>(CATEGORIES));
            }
            entries.add(new Entry(fr, en, category, lineNo));
        }
        return new TermTable(entries);
    }

    private static List<String> variants(String col) {
        return java.util.Arrays.stream(col.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static TermTable loadStandard() {
        try (InputStream in = TermTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + TermTable.class);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Every entry, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Words of the longest term starting at {@code keys[from]}, in {@code lang}. */
    Optional<Match> longest(List<String> keys, List<String> folded, int from, String lang) {
        Map<String, Entry> side = "fr".equals(lang) ? french : english;
        for (int n = Math.min(maxWords, keys.size() - from); n >= 1; n--) {
            Entry e = side.get(String.join(" ", keys.subList(from, from + n)));
            if (e == null && "fr".equals(lang)) {
                e = side.get(String.join(" ", folded.subList(from, from + n)));
            }
            if (e != null) {
                return Optional.of(new Match(e, n));
            }
        }
        return Optional.empty();
    }

    /** A table entry matched over {@code words} words of a question. */
    record Match(Entry entry, int words) {
    }
}
