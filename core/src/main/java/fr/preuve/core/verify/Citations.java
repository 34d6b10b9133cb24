package fr.preuve.core.verify;

import fr.preuve.core.text.SentenceSplitter;
import fr.preuve.core.text.TextSpan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a generated answer: its sentences (by {@link SentenceSplitter}, plus one per markdown list item and per line
 * ending with a colon) and the passage numbers each one cites.
 *
 * <p>Citation markers are blanked out before splitting, so a citation placed after the full stop
 * ({@code "… 0,92 g/L. [1]"}) stays with its sentence instead of becoming one; a marker between two sentences belongs
 * to the one before it (to the first sentence when it opens the answer). Drifted forms ({@code (1)},
 * {@code [Source 1]}, {@code 【1】}...) are read and reported in {@link CitedSentence#drifts()}; see
 * {@link CitationMarkers} for the accepted forms.
 */
public final class Citations {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)[^\\n]+?(?<=\\S)\\*\\*");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*+•]|\\d{1,3}[.)])\\s+");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\r\\n\\f\\u000B]+");
    /** Punctuation a citation marker may sit just before: the space before the marker goes with it. */
    private static final String TIGHT = ".,;)…";

    private Citations() {
    }

    /** Splits generated answer text into sentences and attaches each citation group to its sentence. */
    public static List<CitedSentence> parse(String answer) {
        Objects.requireNonNull(answer, "answer");
        List<CitationMarkers.Marker> markers = CitationMarkers.find(answer);
        List<int[]> bold = new ArrayList<>(); // markdown "**" markers: [start, end)
        Matcher b = BOLD.matcher(answer);
        while (b.find()) {
            bold.add(new int[] {b.start(), b.start() + 2});
            bold.add(new int[] {b.end() - 2, b.end()});
        }
        char[] masked = answer.toCharArray();
        for (CitationMarkers.Marker m : markers) {
            blank(masked, m.start(), m.end());
        }
        for (int[] r : bold) {
            blank(masked, r[0], r[1]);
        }
        List<TextSpan> spans = split(new String(masked));
        if (spans.isEmpty()) {
            return List.of();
        }
        List<List<CitationMarkers.Marker>> owned = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            owned.add(new ArrayList<>());
        }
        int s = 0;
        for (CitationMarkers.Marker m : markers) {
            while (s + 1 < spans.size() && spans.get(s + 1).start() <= m.start()) {
                s++;
            }
            owned.get(s).add(m);
        }
        List<CitedSentence> out = new ArrayList<>();
        TextSpan previous = null;
        List<CitationMarkers.Marker> previousMarkers = null;
        for (int i = 0; i < spans.size(); i++) {
            TextSpan span = spans.get(i);
            if (previous != null && !hasLetterOrDigit(clean(answer, span.start(), span.end(), owned.get(i), bold))) {
                previousMarkers.addAll(owned.get(i)); // a stray fragment: its citations go to the sentence before
                previous = new TextSpan(previous.start(), span.end());
                out.set(out.size() - 1, sentence(answer, previous, previousMarkers, bold));
                continue;
            }
            previous = span;
            previousMarkers = owned.get(i);
            out.add(sentence(answer, span, previousMarkers, bold));
        }
        return List.copyOf(out);
    }

    /** Sentence spans of the masked text, also cut after every line that ends with a colon (a heading). */
    private static List<TextSpan> split(String masked) {
        List<TextSpan> spans = new ArrayList<>();
        int from = 0;
        int n = masked.length();
        for (int i = 0; i <= n; i++) {
            boolean cut = i == n;
            if (!cut && masked.charAt(i) == '\n') {
                int e = i;
                while (e > from && Character.isWhitespace(masked.charAt(e - 1))) {
                    e--;
                }
                cut = e > from && masked.charAt(e - 1) == ':';
            }
            if (cut) {
                for (TextSpan t : SentenceSplitter.split(masked.substring(from, i))) {
                    spans.add(new TextSpan(from + t.start(), from + t.end()));
                }
                from = i;
            }
        }
        return spans;
    }

    private static CitedSentence sentence(String answer, TextSpan span, List<CitationMarkers.Marker> markers,
                                          List<int[]> bold) {
        int start = span.start();
        int end = span.end();
        Set<Integer> numbers = new LinkedHashSet<>();
        List<String> drifts = new ArrayList<>();
        for (CitationMarkers.Marker m : markers) {
            start = Math.min(start, m.start());
            end = Math.max(end, m.end());
            numbers.addAll(m.numbers());
            if (m.drift() != null) {
                drifts.add(m.drift());
            }
        }
        String raw = answer.substring(start, end);
        return new CitedSentence(clean(answer, start, end, markers, bold), raw, List.copyOf(numbers), drifts);
    }

    /** The characters of {@code answer[start, end)} without citation markers and bold markers. */
    private static String clean(String answer, int start, int end, List<CitationMarkers.Marker> markers,
                                List<int[]> bold) {
        StringBuilder sb = new StringBuilder(end - start);
        int mi = 0;
        for (int p = start; p < end; ) {
            if (mi < markers.size() && markers.get(mi).start() == p) {
                p = markers.get(mi++).end();
                int q = p;
                while (q < end && (answer.charAt(q) == ' ' || answer.charAt(q) == '\t')) {
                    q++;
                }
                if (q == end || TIGHT.indexOf(answer.charAt(q)) >= 0) {
                    while (!sb.isEmpty() && Character.isWhitespace(sb.charAt(sb.length() - 1))) {
                        sb.setLength(sb.length() - 1); // "0,92 g/L [1]." -> "0,92 g/L."
                    }
                    p = q;
                }
                continue;
            }
            if (inside(bold, p)) {
                p++;
                continue;
            }
            sb.append(answer.charAt(p++));
        }
        String text = SPACES.matcher(sb).replaceAll(" ").strip();
        return BULLET.matcher(text).replaceFirst("");
    }

    private static boolean inside(List<int[]> ranges, int p) {
        for (int[] r : ranges) {
            if (p >= r[0] && p < r[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.chars().anyMatch(Character::isLetterOrDigit);
    }

    private static void blank(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            chars[i] = ' ';
        }
    }
}
