package fr.preuve.core.answer.extract;

import fr.preuve.core.text.SentenceSplitter;
import fr.preuve.core.text.TextSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units of a passage an extractive answer may quote, so that no answer sentence is a heading, a question (a GRADE
 * or PICO question, a study's title question), a reference, a table fragment or a list item cut from its lead-in:
 * <ul>
 *   <li>a question, a "-- …" heading, a bibliographic reference and a line without letters enough are never quoted;</li>
 *   <li>a sentence that starts in lower case continues the one before it (a split on " . " in a list, an
 *       abbreviation): both are quoted together, or neither;</li>
 *   <li>a list item ("- du psoriasis…", "• In children…") is quoted with the lead-in that ends with a colon, as one
 *       span when they are adjacent, else as lead-in {@value Quote#GAP} item; an item without a lead-in in the
 *       passage is not quoted;</li>
 *   <li>a lead-in alone is not quoted.</li>
 * </ul>
 */
public final class Quotes {

    static final int MIN_WORDS = 6;
    static final int MAX_WORDS = 90;
    /** A list item with its lead-in may be longer than a sentence. */
    static final int MAX_LIST_WORDS = 120;
    private static final String SENTENCE_END = ".!?»\"”'";
    private static final Pattern LIST_MARKER = Pattern.compile("^([-–—•·▪◦*o]|\\(?[0-9]{1,2}[).]|\\(?[ivx]{1,4}\\)|"
            + "\\(?[a-h]\\))\\s+");
    private static final Pattern REFERENCE = Pattern.compile("^\\d{1,3}\\.\\s+\\p{Lu}[\\p{L}'’-]+,?\\s+\\p{Lu}{1,4}[,.]"
            + "|\\b(19|20)\\d\\d\\s?;\\s?\\d+|\\bdoi\\s?:|https?://|\\bet al\\.\\s*\\(?(19|20)\\d\\d|\\bet al\\.$"
            + "|^\\p{Lu}[\\p{L}'’-]+\\s+\\p{Lu}{1,3},\\s+\\p{Lu}[\\p{L}'’-]+\\s+\\p{Lu}{1,3}[,.]");
    private static final Pattern AUTHOR = Pattern.compile("\\b\\p{Lu}[\\p{Ll}'’-]+\\s\\p{Lu}{1,3}[,.]");
    private static final Pattern REFERENCE_HEADING = Pattern.compile("(?i)\\b(references?|bibliograph\\w*|références?)\\b");

    private Quotes() {
    }

    /** The quotable units of {@code text}, a passage headed {@code heading} (or null), in reading order. */
    public static List<Quote> of(String text, String heading) {
        if (heading != null && REFERENCE_HEADING.matcher(heading).find() || bibliography(text)) {
            return List.of();
        }
        List<TextSpan> spans = endLists(text, SentenceSplitter.split(text));
        List<Quote> out = new ArrayList<>();
        List<TextSpan> current = null;   // the unit being built, quotable or not
        int currentOut = -1;              // its index in out, or -1
        TextSpan leadIn = null;
        int leadInIndex = -1;
        boolean unfinished = false;
        for (int k = 0; k < spans.size(); k++) {
            TextSpan span = spans.get(k);
            String s = text.substring(span.start(), span.end()).strip();
            if (s.isEmpty()) {
                continue;
            }
            Kind kind = kind(s);
            if (unfinished && kind != Kind.SKIP) {
                kind = Kind.CONTINUATION;
            }
            // " ." stands for a lost character in some HAS texts ("HR=0,17 . IC99%"): the sentence goes on
            unfinished = s.endsWith(" .");
            List<TextSpan> unit;
            switch (kind) {
                case SKIP -> {
                    current = null;
                    leadIn = null;
                    continue;
                }
                case CONTINUATION -> {
                    if (current == null) {
                        continue;
                    }
                    unit = extend(current, span);
                    if (currentOut >= 0) {
                        out.remove(currentOut);
                        currentOut = -1;
                    }
                }
                case LEAD_IN -> {
                    leadIn = span;
                    leadInIndex = k;
                    current = List.of(span);
                    currentOut = -1;
                    continue;
                }
                case LIST_ITEM -> {
                    if (leadIn == null) {
                        current = null;
                        continue;
                    }
                    unit = k == leadInIndex + 1 ? List.of(new TextSpan(leadIn.start(), span.end()))
                            : List.of(leadIn, span);
                }
                default -> {
                    leadIn = null;
                    unit = List.of(span);
                }
            }
            current = unit;
            Quote q = quote(text, unit);
            if (usable(q.text(), unit.size() > 1 || kind == Kind.LIST_ITEM)) {
                out.add(q);
                currentOut = out.size() - 1;
            } else {
                currentOut = -1;
            }
        }
        return out;
    }

    enum Kind { SENTENCE, CONTINUATION, LIST_ITEM, LEAD_IN, SKIP }

    /**
     * Cuts a sentence where a list ends without a full stop: a line that opens with a list marker, then a line that
     * opens with a capital ("- l'absence de données…,\nLa Commission considère…").
     */
    static List<TextSpan> endLists(String text, List<TextSpan> spans) {
        List<TextSpan> out = new ArrayList<>();
        for (TextSpan sp : spans) {
            int start = sp.start();
            int lineStart = start;
            for (int i = start; i < sp.end(); i++) {
                if (text.charAt(i) != '\n') {
                    continue;
                }
                int next = i + 1;
                boolean itemLine = LIST_MARKER.matcher(text.substring(lineStart, i).strip()).find();
                if (itemLine && next < sp.end() && Character.isUpperCase(text.charAt(next))
                        && !LIST_MARKER.matcher(text.substring(next, Math.min(sp.end(), next + 4))).find()) {
                    out.add(new TextSpan(start, i));
                    start = next;
                }
                lineStart = next;
            }
            out.add(new TextSpan(start, sp.end()));
        }
        return out;
    }

    static Kind kind(String s) {
        char last = s.charAt(s.length() - 1);
        if (last == '?' || s.startsWith("--") || REFERENCE.matcher(s).find()) {
            return Kind.SKIP;
        }
        // an item ending with a colon ("- du besoin médical…, et malgré :") is still an item of the outer lead-in
        if (LIST_MARKER.matcher(s).find()) {
            return Kind.LIST_ITEM;
        }
        int first = firstLetter(s);
        if (first >= 0 && Character.isLowerCase(s.charAt(first)) && !startsWithLowerCaseWord(s, first)) {
            return Kind.CONTINUATION;
        }
        return last == ':' ? Kind.LEAD_IN : Kind.SENTENCE;
    }

    /** Words that may open a sentence in lower case: a drug or unit name ({@code p53}, {@code mRNA}, {@code iPad}). */
    private static boolean startsWithLowerCaseWord(String s, int first) {
        int end = first;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        String word = s.substring(first, end);
        return word.chars().anyMatch(Character::isUpperCase) || word.chars().anyMatch(Character::isDigit);
    }

    private static int firstLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return i;
            }
            if (Character.isDigit(s.charAt(i))) {
                return -1;
            }
        }
        return -1;
    }

    private static List<TextSpan> extend(List<TextSpan> unit, TextSpan span) {
        List<TextSpan> out = new ArrayList<>(unit);
        TextSpan last = out.remove(out.size() - 1);
        out.add(new TextSpan(last.start(), span.end()));
        return out;
    }

    private static Quote quote(String text, List<TextSpan> unit) {
        List<TextSpan> trimmed = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (TextSpan sp : unit) {
            int a = sp.start();
            int b = sp.end();
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            trimmed.add(new TextSpan(a, b));
            if (!sb.isEmpty()) {
                sb.append(Quote.GAP);
            }
            sb.append(text.substring(a, b).replaceAll("[\\s\\u00A0\\u202F]+", " "));
        }
        return new Quote(sb.toString(), trimmed);
    }

    /** A complete statement worth quoting: long enough, ended, mostly letters, not a table row. */
    static boolean usable(String s, boolean list) {
        if (s.isEmpty()) {
            return false;
        }
        String[] words = s.split("\\s+");
        if (words.length < MIN_WORDS || words.length > (list ? MAX_LIST_WORDS : MAX_WORDS)
                || SENTENCE_END.indexOf(s.charAt(s.length() - 1)) < 0 || s.endsWith("?")) {
            return false;
        }
        long letters = s.chars().filter(Character::isLetter).count();
        long numeric = java.util.Arrays.stream(words).filter(w -> w.chars().noneMatch(Character::isLetter)).count();
        return letters >= 0.6 * s.length() && numeric <= 0.35 * words.length;
    }

    /** A passage of reference-list entries (authors with initials, journal years). */
    static boolean bibliography(String text) {
        Matcher m = AUTHOR.matcher(text);
        int authors = 0;
        while (m.find()) {
            authors++;
        }
        return authors >= 6;
    }
}
