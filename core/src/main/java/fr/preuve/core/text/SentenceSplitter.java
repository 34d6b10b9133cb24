package fr.preuve.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.preuve.core.text.TextChars.TERMINALS;
import static fr.preuve.core.text.TextChars.isHorizontalSpace;
import static fr.preuve.core.text.TextChars.isLineBreak;

/**
 * Rule-based sentence splitter for French and English clinical text, returning character spans so that callers can
 * cite exact ranges.
 *
 * <p>One left-to-right pass over the text; every look-around is bounded (tokens of at most {@value #MAX_TOKEN}
 * characters, a bracket look-ahead of {@value #BRACKET_LOOKAHEAD} characters), so the cost is linear in the text
 * length. No dictionary beyond a few small word sets, no external library. A sentence ends:
 * <ul>
 *   <li>at {@code . ! ? … ...}, followed by optional closing quotes and brackets ({@code ) ] " ” ’ »}, a spaced French
 *       {@code  »}, a citation such as {@code [12]}) and then white space or the end of the text, when what follows
 *       looks like a sentence start (rules below);</li>
 *   <li>before a line that starts with a list marker ({@code • - – — * ? 1. 1) (1) a) ii)}), at a blank line, a form
 *       feed or a Unicode paragraph separator, and before an in-line bullet ({@code •}, {@code ▪}...) surrounded by
 *       spaces. A single line break inside a sentence (a wrapped line) does not end it.</li>
 * </ul>
 * A full stop does <em>not</em> end a sentence:
 * <ul>
 *   <li>inside a number ({@code 0.92}, {@code 0,92 g/L}, {@code 1.5 mg/kg}, {@code p < .05}) — no white space follows;</li>
 *   <li>after a non-terminal abbreviation ({@code e.g. i.e. cf. vs. Fig. Dr. Pr. Mme. approx. ref. env. c.-à-d.
 *       p. ex.}), or {@code No. n. p. vol.} before a number;</li>
 *   <li>after an ambiguous abbreviation ({@code etc. et al. resp. min. spp. Jan.}) unless a capitalised word (or,
 *       for most, a number) follows;</li>
 *   <li>after an initial or dotted abbreviation ({@code J. Smith}, {@code A. madagascariensis}, {@code d’E. coli},
 *       {@code U.S.}, {@code n.s.}) unless a typical sentence-opening word follows ({@code The}, {@code Les}...);
 *       an upper-case letter after a plain lower-case word ({@code hepatitis B. Controls}) ends the sentence;</li>
 *   <li>after a list number ({@code 1. Prendre} at the start, {@code : 1. Prendre}, {@code and 2. to compare});</li>
 *   <li>inside brackets that close within the look-ahead ({@code (cf. 010. Autres recommandations)});</li>
 *   <li>before {@code , ; : ) ] » %}.</li>
 * </ul>
 * All-capital words ({@code ART.}, {@code PR.}) are never taken for abbreviations. A full stop after an ordinary word
 * ends the sentence even before a lower-case letter (real BDPM text has {@code "en France. il sera réévalué"});
 * {@code ?}, {@code !} and ellipses do not end it before a lower-case word ({@code ?} not before a digit either:
 * in BDPM text it is often a lost {@code ≥}).
 *
 * <p>Returned spans are trimmed of surrounding white space, in order, non-overlapping, and together cover every
 * non-blank character of the text; a fragment with neither letter nor digit (a stray quote or bullet) is attached to
 * the previous sentence (to the next one at the start of the text).
 *
 * <p>This class holds the boundary scan; the word sets are in {@code SplitterLexicon}, the full-stop rules in
 * {@code FullStops}, the line-break rules in {@code LineBreaks} and the trimming of spans in {@code Cuts}.
 */
public final class SentenceSplitter {

    static final int MAX_TOKEN = 64;
    static final int BRACKET_LOOKAHEAD = 150;

    /** A numeric citation right after a full stop: {@code .[12]}, {@code .[3, 4]}, {@code .[5-7]}. */
    private static final Pattern CITATION = Pattern.compile("\\[\\d{1,3}(?:\\s?[,\\u2013-]\\s?\\d{1,3})*]");

    private static final String CLOSERS = ")]}\"'”’»›";
    private static final String INLINE_BULLETS = "•●▪■◦‣➢►▶";
    /** A sentence never starts with these: a full stop before them is inside the sentence. */
    private static final String NO_START = ",;:)]}»%";

    /** An upper-case section label and its colon, as PubMed glues them to the previous sentence ("care.AIM:"). */
    private static final Pattern GLUED_LABEL = Pattern.compile("\\p{Lu}{3,}(?:[ /]\\p{Lu}{2,})*:");

    private SentenceSplitter() {
    }

    /** The sentences of {@code text} as trimmed, ordered, non-overlapping spans; empty for a blank text. */
    public static List<TextSpan> split(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        int n = text.length();
        LineBreaks lineBreaks = new LineBreaks(text);
        Matcher citation = CITATION.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher glued = GLUED_LABEL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Cuts cuts = new Cuts();
        int sentStart = -1;
        boolean content = false; // a letter or digit since the last cut
        int depth = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (sentStart < 0 && !isSpace(c)) {
                sentStart = i;
            }
            if (!content && Character.isLetterOrDigit(c)) {
                content = true;
            }
            if (isLineBreak(c)) {
                if (lineBreaks.endsSentence(i)) {
                    cuts.add(i);
                    sentStart = -1;
                    content = false;
                    depth = 0;
                }
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
                continue;
            }
            if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (INLINE_BULLETS.indexOf(c) >= 0) {
                if (i > 0 && isSpace(text.charAt(i - 1)) && i + 1 < n && isSpace(text.charAt(i + 1)) && sentStart < i) {
                    cuts.add(i);
                    sentStart = i;
                    content = false;
                    depth = 0;
                }
                continue;
            }
            if (TERMINALS.indexOf(c) < 0) {
                continue;
            }
            // a run of terminal punctuation: "." "?!" "..." "…"
            int j = i + 1;
            while (j < n && TERMINALS.indexOf(text.charAt(j)) >= 0) {
                j++;
            }
            // closing quotes and brackets, a spaced French guillemet, a numeric citation
            int k = j;
            int d = depth;
            while (k < n) {
                char ck = text.charAt(k);
                if (CLOSERS.indexOf(ck) >= 0) {
                    if (ck == ')' || ck == ']' || ck == '}') {
                        d = Math.max(0, d - 1);
                    }
                    k++;
                } else if (ck == '[' && citation.region(k, Math.min(n, k + 40)).lookingAt()) {
                    k = citation.end();
                } else if (isHorizontalSpace(ck) && k + 1 < n
                        && (text.charAt(k + 1) == '»' || isHorizontalSpace(text.charAt(k + 1)) && k + 2 < n
                        && text.charAt(k + 2) == '»')) {
                    k = text.indexOf('»', k) + 1;
                } else {
                    break;
                }
            }
            if (k < n && content && c == '.' && j == i + 1 && i > 0 && Character.isLowerCase(text.charAt(i - 1))
                    && (glued.region(k, Math.min(n, k + 40)).lookingAt() || FullStops.gluedSentence(text, i, k))) {
                // "health care.AIM: To test", "high transmission.Thus broad": no space after the full stop
                cuts.add(k);
                sentStart = -1;
                content = false;
                depth = 0;
                i = k - 1;
                continue;
            }
            if (k < n && !isSpace(text.charAt(k))) {
                i = j - 1; // "e.g.," "3.4" "U.S.A" "n.s.)." : not a boundary here; closers are scanned next
                continue;
            }
            int next = k;
            while (next < n && isSpace(text.charAt(next))) {
                next++;
            }
            // a terminal run before any letter or digit ("? Traitement", "... and") ends nothing
            boolean ends = content && (next >= n || endsBefore(text, i, j, k, next, d, sentStart));
            if (ends) {
                cuts.add(k);
                sentStart = -1;
                content = false;
                depth = 0;
                i = k - 1;
            } else {
                i = j - 1;
            }
        }
        return cuts.spans(text);
    }

    /** The sentences of {@code text} as strings. */
    public static List<String> sentences(String text) {
        List<TextSpan> spans = split(text);
        List<String> out = new ArrayList<>(spans.size());
        for (TextSpan s : spans) {
            out.add(s.of(text));
        }
        return out;
    }

    /**
     * Whether the terminal run {@code text[i, j)}, followed by closers up to {@code k} and white space up to
     * {@code next} (a non-space character), ends the sentence.
     */
    private static boolean endsBefore(String text, int i, int j, int k, int next, int depth, int sentStart) {
        char nc = text.charAt(next);
        if (NO_START.indexOf(nc) >= 0) {
            return false;
        }
        if (depth > 0 && closesSoon(text, k)) {
            return false; // "(cf. 010. Autres recommandations de la Commission)."
        }
        boolean question = false;
        for (int p = i; p < j; p++) {
            char c = text.charAt(p);
            question |= c == '?' || c == '!';
        }
        if (question) {
            return !Character.isLowerCase(nc) && !Character.isDigit(nc); // "TPS ? 1 %": a lost "≥", not an end
        }
        if (j - i > 1 || text.charAt(i) == '…') {
            return !Character.isLowerCase(nc);
        }
        return FullStops.fullStopEnds(text, i, next, sentStart);
    }

    /** A closing bracket comes within {@value #BRACKET_LOOKAHEAD} characters, before any opening one or line break. */
    private static boolean closesSoon(String text, int from) {
        int end = Math.min(text.length(), from + BRACKET_LOOKAHEAD);
        for (int p = from; p < end; p++) {
            char c = text.charAt(p);
            if (c == ')' || c == ']' || c == '}') {
                return true;
            }
            if (c == '(' || c == '[' || c == '{' || isLineBreak(c)) {
                return false;
            }
        }
        return false;
    }

    /** White space, including no-break spaces; see {@link TextChars#isSpace}. */
    static boolean isSpace(char c) {
        return TextChars.isSpace(c);
    }
}
