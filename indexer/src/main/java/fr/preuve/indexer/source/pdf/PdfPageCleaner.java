package fr.preuve.indexer.source.pdf;

import fr.preuve.indexer.source.pdf.PdfLineCollector.RawLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw lines of a PDF's pages into clean page texts:
 * <ol>
 *   <li>running headers and footers go: a line whose letters (digits ignored) recur at the top or bottom of many
 *       pages, and bare page numbers ("12", "12 of 451", "Page 3") at the top or bottom of a page;</li>
 *   <li>wrapped lines are joined into paragraphs (paragraphs separated by {@code "\n"}), words hyphenated at a line
 *       end are rejoined ("recom-" + "mendation"), unless the document spells the word with a hyphen elsewhere;</li>
 *   <li>whitespace collapses, dot leaders of tables of contents go, private-use bullet glyphs become "•".</li>
 * </ol>
 * A page's heading is its first line set in a larger font than the body text (or a bold line standing alone), best
 * effort.
 */
final class PdfPageCleaner {

    /** A page as extracted. */
    record RawPage(int page, List<RawLine> lines) {
    }

    /** A cleaned page: text never null (empty when nothing is left), heading may be null. */
    record CleanPage(int page, String heading, String text) {
    }

    private static final int EDGE = 3;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-–—]?\\s*(?:[Pp]age\\s*)?(?:\\d{1,4}|[ivxl]{1,6}|[IVXL]{1,6})(?:\\s*(?:of|/|sur|de)\\s*\\d{1,4})?\\s*[-–—]?");
    private static final Pattern DOT_LEADER = Pattern.compile("\\s*(?:\\.\\s?){4,}\\s*|\\s*(?:…\\s?){2,}\\s*");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\t\\u00AD]]");
    private static final Pattern PRIVATE_USE = Pattern.compile("\\p{Co}");
    private static final Pattern BULLET = Pattern.compile(
            "^(?:[•▪■●○◦►▶❖✓✔➢➤›»·\\-–—*]|\\(?[a-z]\\)|\\(?\\d{1,2}[.)](?=\\s)|\\(?[ivx]{1,4}\\)).*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?:;][\"'”’)\\]]*$");

    private PdfPageCleaner() {
    }

    static List<CleanPage> clean(List<RawPage> raw) {
        List<List<Line>> pages = new ArrayList<>();
        for (RawPage p : raw) {
            List<Line> lines = new ArrayList<>();
            for (RawLine r : p.lines()) {
                String t = normalize(r.text());
                if (!t.isEmpty()) {
                    lines.add(new Line(t, r.size(), r.bold(), r.paragraphStart()));
                }
            }
            pages.add(lines);
        }
        Set<String> running = runningLines(pages);
        float body = bodySize(pages);
        List<List<Line>> kept = new ArrayList<>();
        for (List<Line> lines : pages) {
            kept.add(removeRunning(lines, running));
        }
        Set<String> vocabulary = vocabulary(kept);
        List<CleanPage> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            List<Line> lines = kept.get(i);
            out.add(new CleanPage(raw.get(i).page(), heading(lines, body), paragraphs(lines, body, vocabulary)));
        }
        return out;
    }

    private record Line(String text, float size, boolean bold, boolean paragraphStart) {
        String key() {
            return PdfPageCleaner.key(text);
        }
    }

    static String normalize(String s) {
        String t = CONTROL.matcher(s).replaceAll("");
        t = t.replace('\t', ' ').replace('\uFFFD', ' ');
        t = t.strip();
        if (!t.isEmpty() && PRIVATE_USE.matcher(t.substring(0, 1)).matches()) {
            t = "•" + t.substring(1);
        }
        t = PRIVATE_USE.matcher(t).replaceAll("");
        t = DOT_LEADER.matcher(t).replaceAll(" ");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /** The letters of a line, lower case, digits and punctuation dropped: "3Guidelines on…" = "4 Guidelines on…". */
    static String key(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().filter(Character::isLetter).map(Character::toLowerCase).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static Set<String> runningLines(List<List<Line>> pages) {
        Map<String, Integer> count = new HashMap<>();
        int withText = 0;
        for (List<Line> lines : pages) {
            if (lines.isEmpty()) {
                continue;
            }
            withText++;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                if (isEdge(i, lines.size())) {
                    String k = lines.get(i).key();
                    if (k.length() >= 4 && seen.add(k)) {
                        count.merge(k, 1, Integer::sum);
                    }
                }
            }
        }
        int threshold = Math.max(3, (int) Math.ceil(withText * 0.1));
        Set<String> running = new HashSet<>();
        count.forEach((k, n) -> {
            if (n >= threshold) {
                running.add(k);
            }
        });
        return running;
    }

    /** Among the first or last lines of a page: 3 lines, fewer on short pages so that the body is not the edge. */
    private static boolean isEdge(int i, int size) {
        int edge = Math.max(1, Math.min(EDGE, size / 3));
        return i < edge || i >= size - edge;
    }

    private static List<Line> removeRunning(List<Line> lines, Set<String> running) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String k = l.key();
            boolean edge = isEdge(i, lines.size());
            if (running.contains(k) && (edge || k.length() >= 20)) {
                continue;
            }
            if (edge && PAGE_NUMBER.matcher(l.text()).matches()) {
                continue;
            }
            out.add(l);
        }
        // a page number next to a removed header may now be at the edge
        while (!out.isEmpty() && PAGE_NUMBER.matcher(out.get(0).text()).matches()) {
            out.remove(0);
        }
        while (!out.isEmpty() && PAGE_NUMBER.matcher(out.get(out.size() - 1).text()).matches()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The most common font size, by characters, rounded to half points. */
    private static float bodySize(List<List<Line>> pages) {
        Map<Integer, Integer> bySize = new HashMap<>();
        for (List<Line> lines : pages) {
            for (Line l : lines) {
                if (l.size() > 0) {
                    bySize.merge(Math.round(l.size() * 2), l.text().length(), Integer::sum);
                }
            }
        }
        return bySize.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() / 2f).orElse(0f);
    }

    /**
     * The words of the document, lower case, hyphenated compounds and their prefixes included; the fragments around
     * a line-end hyphen are left out, so they do not vouch for themselves.
     */
    private static Set<String> vocabulary(List<List<Line>> pages) {
        Set<String> words = new HashSet<>();
        for (List<Line> lines : pages) {
            boolean afterHyphen = false;
            for (Line line : lines) {
                String text = line.text();
                boolean hyphenEnd = text.endsWith("-") || text.endsWith("\u00AD");
                Matcher m = WORD.matcher(text);
                boolean first = true;
                while (m.find()) {
                    boolean fragment = (first && afterHyphen) || (hyphenEnd && m.end() >= text.length() - 1);
                    first = false;
                    if (fragment) {
                        continue;
                    }
                    String w = m.group().toLowerCase(Locale.ROOT);
                    words.add(w);
                    for (int h = w.indexOf('-'); h > 0; h = w.indexOf('-', h + 1)) {
                        words.add(w.substring(0, h)); // "cost-effectiveness" also attests "cost-effectiveness" prefixes
                    }
                }
                afterHyphen = hyphenEnd;
            }
        }
        return words;
    }

    private static boolean isLarge(Line l, float body) {
        return body > 0 && l.size() >= body * 1.15f;
    }

    private static String heading(List<Line> lines, float body) {
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            boolean large = isLarge(l, body);
            boolean aloneBold = l.bold() && !isLarge(l, body)
                    && (i + 1 >= lines.size() || !lines.get(i + 1).bold())
                    && (i == 0 || !lines.get(i - 1).bold());
            if (!(large || aloneBold) || !headingLike(l.text())) {
                continue;
            }
            StringBuilder h = new StringBuilder(l.text());
            for (int j = i + 1; large && j < lines.size() && j <= i + 2; j++) {
                Line next = lines.get(j);
                if (Math.abs(next.size() - l.size()) > 0.6f || !headingLike(next.text()) || h.toString().endsWith(".")) {
                    break;
                }
                h.append(' ').append(next.text());
            }
            String heading = h.toString().strip();
            return heading.length() > 200 ? heading.substring(0, 200).strip() : heading;
        }
        return null;
    }

    private static boolean headingLike(String t) {
        if (t.length() > 120 || t.endsWith(",")) {
            return false;
        }
        long letters = t.codePoints().filter(Character::isLetter).count();
        return letters >= 3 && !PAGE_NUMBER.matcher(t).matches();
    }

    private static String paragraphs(List<Line> lines, float body, Set<String> vocabulary) {
        if (lines.isEmpty()) {
            return "";
        }
        int full = typicalLength(lines);
        StringBuilder out = new StringBuilder();
        StringBuilder para = new StringBuilder();
        Line prev = null;
        for (Line l : lines) {
            if (prev != null && breaksBefore(prev, l, full, body)) {
                flush(out, para);
            }
            if (para.isEmpty()) {
                para.append(l.text());
            } else {
                join(para, l.text(), vocabulary);
            }
            prev = l;
        }
        flush(out, para);
        return out.toString();
    }

    private static int typicalLength(List<Line> lines) {
        int[] lengths = lines.stream().mapToInt(l -> l.text().length()).filter(n -> n >= 15).sorted().toArray();
        if (lengths.length == 0) {
            return lines.stream().mapToInt(l -> l.text().length()).max().orElse(1);
        }
        // upper quartile: the length of a full line in the page's main column
        return Math.max(1, lengths[(int) Math.floor((lengths.length - 1) * 0.75)]);
    }

    private static boolean breaksBefore(Line prev, Line cur, int full, float body) {
        String p = prev.text();
        String c = cur.text();
        boolean prevLarge = isLarge(prev, body);
        boolean curLarge = isLarge(cur, body);
        if (prevLarge != curLarge || (prevLarge && Math.abs(prev.size() - cur.size()) > 0.6f)) {
            return true;
        }
        // leaving a short bold line (a run-in heading) or entering bold text
        if (prev.bold() != cur.bold() && (!prev.bold() || p.length() < full * 0.8) && !startsLower(c)) {
            return true;
        }
        if (BULLET.matcher(c).matches()) {
            return true;
        }
        boolean prevEnds = ENDS_SENTENCE.matcher(p).matches();
        if (cur.paragraphStart()) {
            // PDFBox starts a paragraph at indents too (hanging bullets): keep going when the sentence obviously does
            boolean continues = !prevEnds && (startsLower(c) || c.startsWith("(") || p.endsWith(",") || p.endsWith("-")
                    || endsWithJoiningWord(p) || p.length() >= full * 0.85);
            if (!continues) {
                return true;
            }
        }
        if (prevEnds && p.length() < full * 0.75) {
            return true;
        }
        return p.length() < full * 0.5 && !startsLower(c) && !p.endsWith(",") && !p.endsWith("-")
                && !p.endsWith("(") && !endsWithJoiningWord(p);
    }

    private static boolean endsWithJoiningWord(String p) {
        String lower = p.toLowerCase(Locale.ROOT);
        for (String w : new String[] {" and", " or", " of", " the", " to", " in", " for", " with", " a", " an", " by",
            " on", " at", " et", " ou", " de", " du", " des", " la", " le", " les", " à", " en"}) {
            if (lower.endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsLower(String s) {
        return !s.isEmpty() && Character.isLowerCase(s.codePointAt(0));
    }

    private static void join(StringBuilder para, String next, Set<String> vocabulary) {
        int n = para.length();
        char last = para.charAt(n - 1);
        if ((last == '-' || last == '\u00AD') && n >= 2 && Character.isLetter(para.charAt(n - 2))) {
            int start = n - 1;
            while (start > 0 && (Character.isLetter(para.charAt(start - 1)) || para.charAt(start - 1) == '-')) {
                start--;
            }
            String fragment = para.substring(start, n - 1);
            Matcher m = WORD.matcher(next);
            String following = m.lookingAt() ? m.group() : "";
            boolean cutWord = !fragment.contains("-") && startsLower(next) && !keepsHyphenFor(fragment, following, vocabulary);
            if (last == '\u00AD' || cutWord) {
                para.setLength(n - 1); // de-hyphenate: "recom-" + "mendation"
            }
            para.append(next);
            return;
        }
        if (last == '/' && para.lastIndexOf("http") > para.lastIndexOf(" ")) {
            para.append(next); // a URL broken after a slash
            return;
        }
        para.append(' ').append(next);
    }

    /**
     * Whether "frag-" + "ment" keeps its hyphen: no when the document writes the solid word ("recommendation"), yes
     * when it writes the hyphenated one ("non-human") or when both halves are words of their own ("cost" + "effective"),
     * else no (a word cut in two).
     */
    private static boolean keepsHyphenFor(String fragment, String following, Set<String> vocabulary) {
        if (following.isEmpty()) {
            return true;
        }
        String firstPart = following.contains("-") ? following.substring(0, following.indexOf('-')) : following;
        String left = fragment.toLowerCase(Locale.ROOT);
        String right = firstPart.toLowerCase(Locale.ROOT);
        if (vocabulary.contains(left + right)) {
            return false;
        }
        if (vocabulary.contains(left + "-" + right)) {
            return true;
        }
        return left.length() >= 2 && right.length() >= 2 && vocabulary.contains(left) && vocabulary.contains(right);
    }

    private static void flush(StringBuilder out, StringBuilder para) {
        String p = SPACES.matcher(para.toString().replace("\u00AD", "")).replaceAll(" ").strip();
        para.setLength(0);
        if (!p.isEmpty()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(p);
        }
    }
}
