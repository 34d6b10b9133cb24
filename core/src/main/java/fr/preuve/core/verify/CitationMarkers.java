package fr.preuve.core.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds citation markers in generated text: the canonical {@code [1]}, {@code [1, 3]}, {@code [1-3]} and the drifted
 * forms LLMs write instead ({@code (1)}, {@code [Source 1]}, {@code [S1]}, {@code [1†]}, {@code 【1】}, {@code ^1},
 * {@code [^1]}, {@code [réf. 1]}, author-year references). Numbers in brackets that are not citations
 * ({@code [IC 95 % : 0,8-1,2]}, {@code (n = 120)}, {@code (2019)}) are left alone.
 */
final class CitationMarkers {

    /** Widest range accepted in {@code [a-b]}: a wider one is an unreadable citation. */
    static final int MAX_RANGE = 20;
    /** Largest number read as a citation in parentheses: {@code (1)} is a citation, {@code (120)} is not. */
    static final int MAX_PAREN = 50;

    /** A marker at {@code [start, end)} of the text: cited numbers (may be empty) and a drift note or null. */
    record Marker(int start, int end, List<Integer> numbers, String drift) {
    }

    private static final String PREFIX =
            "(?:sources?|passages?|r[ée]f(?:[ée]rences?)?\\.?|references?|doc(?:ument)?s?\\.?|s|p|#)";
    private static final String ITEM = "(?:" + PREFIX + "\\s*)?\\d{1,3}(?:\\s*†[\\p{L} ]*)?";
    private static final String RANGE = ITEM + "(?:\\s*[-–—]\\s*" + ITEM + ")?";
    private static final Pattern CONTENT = Pattern.compile(
            "\\s*" + RANGE + "(?:\\s*(?:[,;&]|\\band\\b|\\bet\\b)\\s*" + RANGE + ")*\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** One item or range of a validated content: group 1 the first number, group 2 the range end. */
    private static final Pattern RANGE_PARTS = Pattern.compile(
            "(?:" + PREFIX + "\\s*)?(\\d{1,3})(?:\\s*†[\\p{L} ]*)?(?:\\s*[-–—]\\s*(?:" + PREFIX + "\\s*)?(\\d{1,3}))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SQUARE = Pattern.compile("\\[(\\^?)([^\\[\\]\\n]{1,60})]|【([^【】\\n]{1,60})】");
    private static final Pattern PAREN = Pattern.compile("\\(([^()\\n]{1,40})\\)");
    private static final Pattern PAREN_CONTENT = Pattern.compile(
            "\\s*(?:" + PREFIX + "\\s*)?\\d{1,2}(?:\\s*,\\s*(?:" + PREFIX + "\\s*)?\\d{1,2})*\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** What may follow a bare parenthesised citation: punctuation, the end of the line, another marker. */
    private static final Pattern AFTER_PAREN = Pattern.compile("[ \\t\\u00A0\\u202F]*(?:[.,;:!?…\\[(【*]|\\R|$)");
    private static final Pattern AUTHOR_YEAR = Pattern.compile(
            "\\s*\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:et\\s+al\\.?|(?:and|et|&)\\s+\\p{Lu}[\\p{L}'’-]+))?,?\\s+(?:19|20)\\d{2}[a-z]?"
                    + "(?:\\s*[;,]\\s*\\p{Lu}[\\p{L}'’-]+(?:\\s+et\\s+al\\.?)?,?\\s+(?:19|20)\\d{2}[a-z]?)*\\s*");
    private static final Pattern CARET = Pattern.compile("(?<=[\\p{L}.,;)\\]])\\^(\\d{1,2}(?:,\\d{1,2})*)");
    /** A French decimal range, the body of a confidence interval: {@code 1,2-1,8}. */
    private static final Pattern DECIMAL_RANGE = Pattern.compile("\\d,\\d+\\s*[-–—]|[-–—]\\s*\\d+,\\d");
    private static final Pattern LETTER_OR_DAGGER = Pattern.compile("[\\p{L}†]");

    private CitationMarkers() {
    }

    /** The markers of {@code text}, ordered and non-overlapping. */
    static List<Marker> find(String text) {
        List<Marker> found = new ArrayList<>();
        Matcher m = SQUARE.matcher(text);
        while (m.find()) {
            boolean lenticular = m.group(3) != null;
            String content = lenticular ? m.group(3) : m.group(2);
            boolean drifted = lenticular || !m.group(1).isEmpty();
            Marker marker = bracketed(text, m.start(), m.end(), content, drifted);
            if (marker != null) {
                found.add(marker);
            }
        }
        m = PAREN.matcher(text);
        while (m.find()) {
            Marker marker = parenthesised(text, m.start(), m.end(), m.group(1));
            if (marker != null) {
                found.add(marker);
            }
        }
        m = CARET.matcher(text);
        while (m.find()) {
            List<Integer> numbers = new ArrayList<>();
            for (String n : m.group(1).split(",")) {
                numbers.add(Integer.parseInt(n));
            }
            found.add(read(m.start(), m.end(), numbers, m.group()));
        }
        found.sort(Comparator.comparingInt(Marker::start));
        List<Marker> out = new ArrayList<>();
        int last = -1;
        for (Marker k : found) {
            if (k.start() >= last) {
                out.add(k);
                last = k.end();
            }
        }
        return out;
    }

    private static Marker bracketed(String text, int start, int end, String content, boolean drifted) {
        String written = text.substring(start, end);
        if (!CONTENT.matcher(content).matches()) {
            return AUTHOR_YEAR.matcher(content).matches() ? unreadable(start, end, written, null) : null;
        }
        if (DECIMAL_RANGE.matcher(content).find()) {
            return null; // "[1,2-1,8]": a confidence interval, not citations
        }
        List<Integer> numbers = new ArrayList<>();
        Matcher r = RANGE_PARTS.matcher(content);
        while (r.find()) {
            int a = Integer.parseInt(r.group(1));
            int b = r.group(2) == null ? a : Integer.parseInt(r.group(2));
            if (a == 0 || b == 0) {
                return null; // passages are numbered from 1: "[0,8]" is a number
            }
            if (b < a) {
                return unreadable(start, end, written, "reversed range");
            }
            if (b - a + 1 > MAX_RANGE) {
                return unreadable(start, end, written, "range wider than " + MAX_RANGE);
            }
            for (int i = a; i <= b; i++) {
                numbers.add(i);
            }
        }
        boolean canonical = !drifted && !LETTER_OR_DAGGER.matcher(content).find();
        return canonical ? new Marker(start, end, numbers, null) : read(start, end, numbers, written);
    }

    private static Marker parenthesised(String text, int start, int end, String content) {
        String written = text.substring(start, end);
        if (AUTHOR_YEAR.matcher(content).matches()) {
            return unreadable(start, end, written, null);
        }
        if (!PAREN_CONTENT.matcher(content).matches()) {
            return null;
        }
        boolean prefixed = LETTER_OR_DAGGER.matcher(content).find();
        if (!prefixed && (!AFTER_PAREN.matcher(text).region(end, text.length()).lookingAt()
                || startsLine(text, start))) {
            return null; // "(1) Prendre" is a list item, "le groupe (2) a" is not a citation
        }
        List<Integer> numbers = new ArrayList<>();
        Matcher r = RANGE_PARTS.matcher(content);
        while (r.find()) {
            int n = Integer.parseInt(r.group(1));
            if (n == 0 || n > MAX_PAREN) {
                return null;
            }
            numbers.add(n);
        }
        return read(start, end, numbers, written);
    }

    private static boolean startsLine(String text, int at) {
        for (int p = at - 1; p >= 0; p--) {
            char c = text.charAt(p);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static Marker read(int start, int end, List<Integer> numbers, String written) {
        List<Integer> distinct = numbers.stream().distinct().toList();
        String canonical = "[" + String.join(", ", distinct.stream().map(String::valueOf).toList()) + "]";
        return new Marker(start, end, distinct, written + " read as " + canonical);
    }

    private static Marker unreadable(int start, int end, String written, String why) {
        return new Marker(start, end, List.of(),
                "unreadable citation '" + written + "'" + (why == null ? "" : " (" + why + ")"));
    }
}
